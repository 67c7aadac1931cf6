/**
 * What this device remembers about comments on a board: the roles the person said are theirs (for
 * "Mentions me") and the comments they have seen (for the unread-mentions count).
 */
import { atom } from 'tldraw'

/** Bumped whenever this device marks comments seen or changes its roles, so unread counts re-read. */
export const deviceCommentsVersion = atom('comments seen on this device', 0)

const rolesKey = (boardId: string) => `flowmap.comments.myRoles.${boardId}`
const seenKey = (boardId: string) => `flowmap.comments.seen.${boardId}`

function readList(key: string): string[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(key) ?? '[]')
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}

function writeList(key: string, list: readonly string[]): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(list))
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

export const readMyRoles = (boardId: string) => new Set(readList(rolesKey(boardId)))
export const writeMyRoles = (boardId: string, roles: ReadonlySet<string>) =>
  writeList(rolesKey(boardId), [...roles])
export const readSeen = (boardId: string) => new Set(readList(seenKey(boardId)))
export function markSeen(boardId: string, ids: readonly string[]): void {
  const seen = readSeen(boardId)
  for (const id of ids) seen.add(id)
  writeList(seenKey(boardId), [...seen])
  deviceCommentsVersion.update((version) => version + 1)
}
