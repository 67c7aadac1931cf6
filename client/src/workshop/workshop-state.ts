/**
 * The facilitator's workshop state as the board page reads it (the doc's `workshop` map, through
 * @flowmap/shared's field parsers) together with this person's role: what the lock badges, the
 * participant guard, the toolbar and the header controls decide from.
 */
import {
  type BoardLock,
  type BoardRole,
  boardLockField,
  canEditBoard,
  canFacilitateBoard,
  observeWorkshop,
  type ParticipantToolset,
  participantToolsetField,
  readWorkshopField,
} from '@flowmap/shared'
import { useEffect, useMemo, useState } from 'react'
import { type Atom, atom, type Editor, useValue } from 'tldraw'
import type * as Y from 'yjs'

export interface WorkshopState {
  readonly doc: Y.Doc | null
  readonly role: BoardRole
  readonly isFacilitator: boolean
  readonly boardLock: BoardLock | null
  readonly toolset: ParticipantToolset
  /** an editor (not a facilitator, not a viewer) whom the locks and the toolset hold */
  readonly isHeldParticipant: boolean
  readonly toolsRestricted: boolean
}

type Fields = { boardLock: BoardLock | null; toolset: ParticipantToolset }

function readFields(doc: Y.Doc | null): Fields {
  if (doc === null) return { boardLock: null, toolset: 'everything' }
  return {
    boardLock: readWorkshopField(doc, boardLockField),
    toolset: readWorkshopField(doc, participantToolsetField) ?? 'everything',
  }
}

export function useWorkshopState(doc: Y.Doc | null, role: BoardRole): WorkshopState {
  const [fields, setFields] = useState<Fields>(() => readFields(doc))
  useEffect(() => {
    setFields(readFields(doc))
    if (doc === null) return
    return observeWorkshop(doc, () => setFields(readFields(doc)))
  }, [doc])
  return useMemo(() => {
    const isFacilitator = canFacilitateBoard(role)
    const isHeldParticipant = !isFacilitator && canEditBoard(role)
    return {
      doc,
      role,
      isFacilitator,
      boardLock: fields.boardLock,
      toolset: fields.toolset,
      isHeldParticipant,
      toolsRestricted: isHeldParticipant && fields.toolset === 'notes-connectors-votes',
    }
  }, [doc, role, fields])
}

/**
 * Kept per editor in a reactive atom, as the board roles are (shapes/board-roles.ts), rather than in
 * React context: the toolbar, context menu, badges and the participant guard all have the editor, and
 * the board page sets it once (null: no board page around, as in tldraw's own export roots).
 */
const stateByEditor = new WeakMap<Editor, Atom<WorkshopState | null>>()

function workshopAtom(editor: Editor): Atom<WorkshopState | null> {
  let state = stateByEditor.get(editor)
  if (!state) {
    state = atom<WorkshopState | null>('workshop state', null)
    stateByEditor.set(editor, state)
  }
  return state
}

export function setWorkshopState(editor: Editor, state: WorkshopState): void {
  workshopAtom(editor).set(state)
}

export function workshopStateOf(editor: Editor): WorkshopState | null {
  return workshopAtom(editor).get()
}

export function useWorkshop(editor: Editor | null): WorkshopState | null {
  return useValue('workshop state', () => (editor === null ? null : workshopAtom(editor).get()), [editor])
}
