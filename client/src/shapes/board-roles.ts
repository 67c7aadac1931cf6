import type { Role } from '@flowmap/shared'
import { type Atom, atom, type Editor, useEditor, useValue } from 'tldraw'

/**
 * The board's roles by id, for shapes that show an owner (steps) or a role (lanes).
 *
 * Roles live in the Y.Doc's `roles` map, not in the tldraw store, so the board page copies them into
 * a reactive atom kept per editor. Not React context: tldraw renders shapes for SVG/PNG export in a
 * separate React root that only knows the editor, and an exported step must still show its owner.
 */
const rolesByEditor = new WeakMap<Editor, Atom<ReadonlyMap<string, Role>>>()

function boardRolesAtom(editor: Editor): Atom<ReadonlyMap<string, Role>> {
  let roles = rolesByEditor.get(editor)
  if (!roles) {
    roles = atom<ReadonlyMap<string, Role>>('board roles', new Map())
    rolesByEditor.set(editor, roles)
  }
  return roles
}

export function setBoardRoles(editor: Editor, roles: readonly Role[]): void {
  boardRolesAtom(editor).set(new Map(roles.map((role) => [role.id, role])))
}

export function getBoardRole(editor: Editor, roleId: string | null): Role | null {
  return roleId === null ? null : (boardRolesAtom(editor).get().get(roleId) ?? null)
}

export function useBoardRole(roleId: string | null): Role | null {
  const editor = useEditor()
  return useValue('board role', () => getBoardRole(editor, roleId), [editor, roleId])
}
