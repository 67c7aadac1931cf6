import type { Role } from '@flowmap/shared'
import type { BoardModel } from '../sync/board-model.ts'
import { useLiveValue } from '../sync/use-board-model.ts'

// One empty list, not a fresh one per render: the page copies the roles into the editor when they change.
const NO_ROLES: readonly Role[] = []

/** The board's roles (sorted by name, then id), kept current as anyone edits them. */
export function useBoardRoles(model: BoardModel | null): readonly Role[] {
  return useLiveValue(model?.roles ?? null) ?? NO_ROLES
}
