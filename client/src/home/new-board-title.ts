/**
 * The suggested title of a new board, from the titles this person can see: the boards on this device
 * and, when it answers, the server's list (board-title-suggestion.ts picks the next free number).
 */
import { createBoardDatabase } from '../storage/board-database.ts'
import { listLocalBoards } from '../storage/local-board.ts'
import { suggestBoardTitle } from './board-title-suggestion.ts'
import { fetchServerBoards } from './server-boards.ts'

export async function suggestNewBoardTitle(token: string | null): Promise<string> {
  const titles: string[] = []
  try {
    const db = createBoardDatabase()
    try {
      titles.push(...(await listLocalBoards(db)).map((board) => board.title))
    } finally {
      db.close()
    }
  } catch {
    // No storage on this browser: the server's titles alone.
  }
  const server = await fetchServerBoards({ token, timeoutMs: 2000 })
  if (server.ok) titles.push(...server.boards.map((board) => board.title))
  return suggestBoardTitle(titles)
}
