import { describe, expect, it } from 'vitest'
import { checkShareToken, decodeShareToken, parseShareUrl } from './share-link.ts'

function token(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`
}

const NOW = Date.UTC(2026, 10, 25, 12)
const inADay = NOW / 1000 + 86_400

describe('share links', () => {
  it('a valid token for this board gives its role, name and expiry', () => {
    const check = checkShareToken(token({ role: 'viewer', name: 'Ada', board: 'b1', exp: inADay }), 'b1', NOW)
    expect(check).toEqual({
      state: 'ok',
      claims: { role: 'viewer', name: 'Ada', sub: null, board: 'b1', expiresAt: inADay * 1000 },
    })
  })

  it('a token for every board ("*") opens this one', () => {
    expect(checkShareToken(token({ role: 'facilitator', board: '*', exp: inADay }), 'b1', NOW).state).toBe(
      'ok',
    )
  })

  it('no token is no problem (local mode)', () => {
    expect(checkShareToken(null, 'b1', NOW)).toEqual({ state: 'none' })
  })

  it('a token that is not a JWT says the link is not valid and to ask for a new one', () => {
    const check = checkShareToken('garbage', 'b1', NOW)
    expect(check).toMatchObject({ state: 'problem', kind: 'bad' })
    if (check.state === 'problem') expect(check.message).toMatch(/not valid.*Ask for a new link/)
  })

  it('a token whose payload is cut short is bad, with a hint about copying', () => {
    expect(decodeShareToken('aaa.%%%.ccc')).toMatch(/cut short/)
  })

  it('a token with an unknown role is bad', () => {
    expect(decodeShareToken(token({ role: 'owner', board: 'b1', exp: inADay }))).toMatch(/no known role/)
  })

  it('an expired token says when it expired', () => {
    const check = checkShareToken(token({ role: 'editor', board: 'b1', exp: NOW / 1000 - 1 }), 'b1', NOW)
    expect(check).toMatchObject({ state: 'problem', kind: 'expired' })
    if (check.state === 'problem') expect(check.message).toMatch(/expired on .*new one/)
  })

  it('a token made for another board says so, naming that board', () => {
    const check = checkShareToken(token({ role: 'editor', board: 'other', exp: inADay }), 'b1', NOW)
    expect(check).toMatchObject({ state: 'problem', kind: 'foreign' })
    if (check.state === 'problem') expect(check.message).toMatch(/another board \(other\)/)
  })

  it('a pasted link gives its board and token; other text says what is wrong', () => {
    expect(parseShareUrl('http://x.test/b/abc?token=t.k.n')).toEqual({ boardId: 'abc', token: 't.k.n' })
    expect(parseShareUrl('http://x.test/b/abc')).toEqual({ boardId: 'abc', token: null })
    expect(parseShareUrl('not a link')).toMatch(/not a link/)
    expect(parseShareUrl('http://x.test/boards/abc')).toMatch(/does not open a board/)
  })
})
