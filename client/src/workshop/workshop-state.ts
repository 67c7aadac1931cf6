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
import { createContext, useContext, useEffect, useMemo, useState } from 'react'
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

export const WorkshopContext = createContext<WorkshopState | null>(null)

/** The workshop state of the board around; null outside a board page (tldraw's own tests, replay). */
export function useWorkshop(): WorkshopState | null {
  return useContext(WorkshopContext)
}
