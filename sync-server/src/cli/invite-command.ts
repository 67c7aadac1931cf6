/**
 * `flowmap invite --board ID --role editor [--name N] [--days 7]`: a share link for one board and role,
 * signed with FLOWMAP_AUTH_SECRET. Returns what to print; cli.ts prints it and sets the exit code.
 */
import { parseArgs } from 'node:util'
import { boardIdProblem, boardRoleProblem, isBoardRole } from '@flowmap/shared'
import { createShareLink, inviteDaysProblem } from '../auth/share-link.ts'
import { configFromEnv } from '../config.ts'

export type CommandResult = { ok: true; output: string } | { ok: false; error: string }

export const INVITE_USAGE =
  'usage: pnpm flowmap invite --board ID|* --role facilitator|editor|viewer [--name NAME] [--days 7]'

export async function inviteCommand(
  args: string[],
  env: Record<string, string | undefined>,
  now: Date = new Date(),
): Promise<CommandResult> {
  let values: { board?: string; role?: string; name?: string; days?: string }
  try {
    values = parseArgs({
      args,
      options: {
        board: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        days: { type: 'string' },
      },
      strict: true,
    }).values
  } catch (error) {
    return { ok: false, error: `${(error as Error).message}\n${INVITE_USAGE}` }
  }
  const problems: string[] = []
  const board = values.board ?? ''
  if (board !== '*') {
    const problem = boardIdProblem(board)
    if (problem !== null) problems.push(board === '' ? '--board is required' : problem)
  }
  if (!isBoardRole(values.role)) {
    problems.push(`--role ${boardRoleProblem(values.role ?? 'nothing')}`)
  }
  const days = values.days === undefined ? 7 : Number(values.days)
  const daysProblem = inviteDaysProblem(days)
  if (daysProblem !== null) problems.push(`--${daysProblem}`)
  const parsed = configFromEnv(env)
  if (!parsed.ok) problems.push(...parsed.errors)
  const secret = parsed.ok ? parsed.config.authSecret : null
  if (parsed.ok && secret === null) {
    problems.push(
      'FLOWMAP_AUTH_SECRET is not set: without it the server runs in local mode and needs no links',
    )
  }
  if (problems.length > 0 || !parsed.ok || secret === null || !isBoardRole(values.role)) {
    return { ok: false, error: `${problems.join('\n')}\n${INVITE_USAGE}` }
  }
  const { config } = parsed
  const baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`
  const link = await createShareLink({
    secret,
    baseUrl,
    boardId: board,
    role: values.role,
    name: values.name ?? `Guest ${values.role}`,
    days,
    now,
  })
  return { ok: true, output: link.url }
}
