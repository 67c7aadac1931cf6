/**
 * The ready line `main.ts` prints. With auth on it carries a facilitator link for every board (as
 * Jupyter prints its token URL): without one, a first-time operator could open no page and create no
 * board, since every request needs a token and only a facilitator can make one.
 */
import type { ServerConfig } from '../config.ts'
import { createShareLink } from './share-link.ts'

/** Who the link's edits are credited to in history until the person sets a name of their own. */
const STARTUP_LINK_NAME = 'Operator'

export async function readyLine(
  config: Pick<ServerConfig, 'authSecret' | 'publicUrl' | 'startupLinkHours'>,
  serverUrl: string,
  now: Date,
): Promise<string> {
  const baseUrl = config.publicUrl ?? serverUrl
  if (config.authSecret === null) return `Flowmap is running at ${baseUrl}`
  const link = await createShareLink({
    secret: config.authSecret,
    baseUrl,
    boardId: '*',
    role: 'facilitator',
    name: STARTUP_LINK_NAME,
    days: config.startupLinkHours / 24,
    now,
  })
  return `Flowmap is running at ${link.url}`
}
