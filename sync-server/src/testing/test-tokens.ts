/** Tokens for tests of a server started with TEST_SECRET: one person, one board (or '*'), one role. */
import type { BoardRole } from '@flowmap/shared'
import { issueToken } from '../auth/tokens.ts'
import { TEST_SECRET } from './test-server.ts'

export function testToken(
  person: { sub: string; name?: string; board: string; role: BoardRole },
  options: { secret?: string; expiresInMs?: number } = {},
): Promise<string> {
  return issueToken(
    options.secret ?? TEST_SECRET,
    { sub: person.sub, name: person.name ?? person.sub, board: person.board, role: person.role },
    new Date(Date.now() + (options.expiresInMs ?? 60_000)),
  )
}
