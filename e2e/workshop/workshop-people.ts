import type { BoardRole } from '@flowmap/shared'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { issueToken } from '../../sync-server/src/auth/tokens.ts'
import { waitForBoard } from '../board/flowmap-page.ts'
import type { FlowmapServerProcess } from '../fixtures/flowmap-server.ts'

/**
 * A workshop needs roles, so its specs run a server that requires share links (FLOWMAP_AUTH_SECRET):
 * in local mode everyone is a facilitator. Each person is a fresh browser context with their own link.
 */
export const WORKSHOP_SECRET = 'e2e-workshop-secret-with-enough-entropy-0123456789'

export interface WorkshopPerson {
  name: string
  context: BrowserContext
  page: Page
  /** the board path with this person's token */
  path: string
}

export function tokenFor(board: string, sub: string, name: string, role: BoardRole): Promise<string> {
  return issueToken(WORKSHOP_SECRET, { sub, name, board, role }, new Date(Date.now() + 86_400_000))
}

export async function createWorkshopBoard(server: FlowmapServerProcess, title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await tokenFor('*', 'e2e-host', 'Host', 'facilitator')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title }),
  })
  if (!response.ok) throw new Error(`POST /api/boards: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { id: string }).id
}

/**
 * Opens the board as `name` with `role`. `beforeOpen` runs on the fresh page before it loads anything
 * (an init script that skews its clock).
 */
export async function joinWorkshop(
  browser: Browser,
  server: FlowmapServerProcess,
  boardId: string,
  person: { name: string; role: BoardRole; viewport?: { width: number; height: number } },
  beforeOpen?: (page: Page) => Promise<void>,
): Promise<WorkshopPerson> {
  const context = await browser.newContext({ baseURL: server.url, viewport: person.viewport })
  const page = await context.newPage()
  await beforeOpen?.(page)
  const token = await tokenFor(boardId, `e2e-${person.name.toLowerCase()}`, person.name, person.role)
  const path = `/b/${boardId}?token=${token}`
  await page.goto(path)
  await waitForBoard(page)
  return { name: person.name, context, page, path }
}
