/**
 * The share links made on this device, per board, so a facilitator can copy one again. Kept in
 * localStorage: a link is a bearer token, and it never leaves the device it was made on.
 */
import { type BoardRole, isBoardRole } from '@flowmap/shared'

export type MadeLink = {
  readonly url: string
  readonly role: BoardRole
  readonly name: string
  readonly expiresAt: string
  readonly madeAt: string
}

const MAX_LINKS = 50

function key(boardId: string): string {
  return `flowmap.share-links.${boardId}`
}

export function readMadeLinks(storage: Pick<Storage, 'getItem'>, boardId: string): MadeLink[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(key(boardId)) ?? '[]')
    if (!Array.isArray(value)) return []
    return value.filter(
      (link): link is MadeLink =>
        typeof link === 'object' &&
        link !== null &&
        typeof link.url === 'string' &&
        isBoardRole(link.role) &&
        typeof link.name === 'string' &&
        typeof link.expiresAt === 'string' &&
        typeof link.madeAt === 'string',
    )
  } catch {
    return []
  }
}

export function addMadeLink(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  boardId: string,
  link: MadeLink,
): MadeLink[] {
  const links = [link, ...readMadeLinks(storage, boardId)].slice(0, MAX_LINKS)
  storage.setItem(key(boardId), JSON.stringify(links))
  return links
}
