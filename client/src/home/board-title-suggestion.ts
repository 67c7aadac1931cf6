/**
 * The name a new board is offered when the person gives none: "Untitled board", then "Untitled board 2",
 * "Untitled board 3"… after the highest already listed, so a page of new boards is not a wall of
 * identical cards and each suggestion is a title no listed board has.
 */
import { DEFAULT_BOARD_TITLE } from '@flowmap/shared'

const NUMBERED = new RegExp(`^${DEFAULT_BOARD_TITLE} (\\d{1,9})$`)

export function suggestBoardTitle(existing: Iterable<string>): string {
  let highest = 0
  for (const raw of existing) {
    const title = raw.trim()
    // An empty title is listed as the default one.
    if (title === '' || title === DEFAULT_BOARD_TITLE) highest = Math.max(highest, 1)
    const numbered = NUMBERED.exec(title)
    if (numbered) highest = Math.max(highest, Number(numbered[1]))
  }
  return highest === 0 ? DEFAULT_BOARD_TITLE : `${DEFAULT_BOARD_TITLE} ${highest + 1}`
}
