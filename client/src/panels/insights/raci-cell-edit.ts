import type { RaciLetter } from '@flowmap/shared'
import { MAX_RACI_ROLES } from '@flowmap/shared'
import type { Editor, TLShape, TLShapeId } from 'tldraw'

/** The RACI lists a step or decision stores; responsible is its owner, kept apart. */
export type RaciLists = { accountable: string[]; consulted: string[]; informed: string[] }

/** The letters a click steps through, in order, back to none. */
const CYCLE = [null, 'A', 'C', 'I'] as const
type EditableLetter = Exclude<RaciLetter, 'R'>
const LIST_OF: Record<EditableLetter, keyof RaciLists> = {
  A: 'accountable',
  C: 'consulted',
  I: 'informed',
}

/** The role's editable letter in these lists (the first of A, C, I it appears in), or null. */
export function raciLetterOf(lists: RaciLists, roleId: string): EditableLetter | null {
  if (lists.accountable.includes(roleId)) return 'A'
  if (lists.consulted.includes(roleId)) return 'C'
  if (lists.informed.includes(roleId)) return 'I'
  return null
}

/**
 * The lists after one click on the role's cell: none → A → C → I → none. The role leaves every list
 * and joins the next letter's, so a role is only ever one of A, C, I (a list another tool filled
 * with the same role twice over is tidied by the first click). A letter whose list is full is
 * skipped, as the model would refuse it.
 */
export function cycleRaciLetter(lists: RaciLists, roleId: string): RaciLists {
  const without: RaciLists = {
    accountable: lists.accountable.filter((id) => id !== roleId),
    consulted: lists.consulted.filter((id) => id !== roleId),
    informed: lists.informed.filter((id) => id !== roleId),
  }
  let at = CYCLE.indexOf(raciLetterOf(lists, roleId))
  for (let tries = 0; tries < CYCLE.length; tries++) {
    at = (at + 1) % CYCLE.length
    const letter = CYCLE[at] ?? null
    if (letter === null) return without
    const list = LIST_OF[letter]
    if (without[list].length < MAX_RACI_ROLES) return { ...without, [list]: [...without[list], roleId] }
  }
  return without
}

function raciListsOf(shape: TLShape | undefined): RaciLists | null {
  if (shape === undefined || (shape.type !== 'step' && shape.type !== 'decision')) return null
  const { accountable, consulted, informed } = shape.props as RaciLists
  return { accountable, consulted, informed }
}

/**
 * One click on a cell of the RACI matrix, written the way the inspector writes a field: through the
 * editor's `updateShape`, so the store validates it, the binding syncs it and Ctrl+Z takes it back
 * (one undo step per click). Reads the shape as it is now, not the matrix (which trails edits by the
 * analysis' settle time), so quick clicks step on from each other. Answers the lists written, or null
 * when the shape is gone or the board is read-only.
 */
export function cycleRaciCell(editor: Editor, nodeId: string, roleId: string): RaciLists | null {
  if (editor.getIsReadonly()) return null
  const shape = editor.getShape(nodeId as TLShapeId)
  const lists = raciListsOf(shape)
  if (shape === undefined || lists === null) return null
  const next = cycleRaciLetter(lists, roleId)
  editor.markHistoryStoppingPoint('raci cell')
  editor.updateShape({ id: shape.id, type: shape.type, props: next } as Parameters<Editor['updateShape']>[0])
  return next
}
