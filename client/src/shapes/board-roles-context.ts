import type { Role } from '@flowmap/shared'
import { createContext, useContext } from 'react'

/**
 * The board's roles by id, for shapes that show an owner (steps) or a role (lanes).
 * Roles live in the Y.Doc's `roles` map, not in the tldraw store, so shapes read them from React
 * context that the board page fills from `observeRoles`.
 */
export const BoardRolesContext = createContext<ReadonlyMap<string, Role>>(new Map())

export function useBoardRole(roleId: string | null): Role | null {
  const roles = useContext(BoardRolesContext)
  return roleId === null ? null : (roles.get(roleId) ?? null)
}
