import type { BoardUser } from '../fixtures/test.ts'
import { openBoard, openNewBoard } from './flowmap-page.ts'

/** Two people on one board: A created it through `/`, B opened its link. */
export async function openTwoUsersOnOneBoard(
  openUser: () => Promise<BoardUser>,
): Promise<{ a: BoardUser; b: BoardUser; boardId: string }> {
  const a = await openUser()
  const b = await openUser()
  const boardId = await openNewBoard(a.page)
  await openBoard(b.page, boardId)
  return { a, b, boardId }
}
