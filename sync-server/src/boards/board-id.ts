/** New board ids; the rule every id must follow is @flowmap/shared's (protocol/board-id.ts). */
import { randomBytes } from 'node:crypto'

/** 12 characters of base64url: 72 random bits, unguessable enough to share a link by. */
export function newBoardId(): string {
  return randomBytes(9).toString('base64url')
}
