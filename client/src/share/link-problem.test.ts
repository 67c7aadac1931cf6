import { deletedBoardReason } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { dayOf, linkProblemBeforeOpening, linkRefusedByServer } from './link-problem.ts'

const NOW = Date.UTC(2026, 11, 1)

/** An unsigned token with these claims: the page reads claims without verifying them. */
function tokenWith(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'HS256' })}.${part(claims)}.signature`
}

describe('linkProblemBeforeOpening', () => {
  it('lets a current token for this board or every board open it', () => {
    for (const board of ['b1', '*']) {
      const token = tokenWith({ sub: 'u', role: 'editor', board, exp: NOW / 1000 + 60 })
      expect(linkProblemBeforeOpening(token, 'b1', NOW)).toBeNull()
    }
  })

  it('names each problem once, with what to do', () => {
    const cases = [
      [null, 'none'],
      ['not-a-token', 'bad'],
      [tokenWith({ sub: 'u', role: 'editor', board: 'b1', exp: NOW / 1000 - 60 }), 'expired'],
      [tokenWith({ sub: 'u', role: 'editor', board: 'other', exp: NOW / 1000 + 60 }), 'foreign'],
    ] as const
    for (const [token, kind] of cases) {
      const problem = linkProblemBeforeOpening(token, 'b1', NOW)
      expect(problem?.kind).toBe(kind)
      expect(problem?.detail).toMatch(/ask the facilitator/i)
    }
    expect(linkProblemBeforeOpening(cases[3][0], 'b1', NOW)?.detail).toContain('made for board other')
  })

  it("keeps the server's reason when only the server could tell", () => {
    expect(linkRefusedByServer('token signature is invalid')).toMatchObject({
      kind: 'refused',
      detail: expect.stringContaining('token signature is invalid'),
    })
  })

  it('says a deleted board was deleted and until when it can be restored, and asks for no new link', () => {
    const reason = deletedBoardReason({ name: 'Payroll', restorableUntil: '2026-01-31' })
    const problem = linkRefusedByServer(reason)
    expect(problem.kind).toBe('deleted')
    expect(problem.title).toBe('This board was deleted')
    expect(problem.detail).toBe(
      `“Payroll” was deleted. A facilitator can restore it from the home page until ${dayOf('2026-01-31')}.`,
    )
    expect(problem.detail).not.toMatch(/new one|ask the facilitator/i)
    expect(dayOf('2026-01-31')).toMatch(/2026/)
  })
})
