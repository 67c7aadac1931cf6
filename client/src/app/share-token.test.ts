import { describe, expect, it } from 'vitest'
import { readShareToken } from './share-token.ts'

/** A token shaped as the server issues them (board and exp are always there). */
function token(payload: unknown): string {
  if (typeof payload === 'object' && payload !== null)
    payload = { board: 'b1', exp: 4_000_000_000, ...payload }
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.signature`
}

describe('readShareToken', () => {
  it("reads the role and name of a share link's token", () => {
    expect(readShareToken(token({ sub: 'u1', name: 'Ana Ölund', board: 'b1', role: 'viewer' }))).toEqual({
      role: 'viewer',
      name: 'Ana Ölund',
    })
  })

  it('has nothing to say without a token, or about one it cannot read', () => {
    expect(readShareToken(null)).toBeNull()
    expect(readShareToken('not-a-jwt')).toBeNull()
    expect(readShareToken('a.%%%.c')).toBeNull()
    expect(readShareToken(token({ role: 'admin' }))).toBeNull()
    expect(readShareToken(token('viewer'))).toBeNull()
  })

  it('treats an empty name as none', () => {
    expect(readShareToken(token({ role: 'editor', name: ' ' }))).toEqual({ role: 'editor', name: null })
  })
})
