import { boardLockField, lockHolderName, participantToolsetField, writeWorkshopField } from '@flowmap/shared'
import type { Editor } from 'tldraw'
import { lockHolderFor } from './shape-lock-actions.ts'
import type { WorkshopState } from './workshop-state.ts'
import './workshop.css'

/**
 * In the header: a facilitator's "Lock board" and "Notes & connectors only" toggles; for a
 * participant, what holds them ("Board locked by Fay").
 */
export function WorkshopControls({ workshop, editor }: { workshop: WorkshopState; editor: Editor | null }) {
  const { doc, boardLock } = workshop
  if (workshop.isFacilitator && doc !== null && editor !== null) {
    const restricted = workshop.toolset === 'notes-connectors-votes'
    return (
      <>
        <button
          type="button"
          className="flowmap-button"
          data-testid="lock-board"
          aria-pressed={boardLock !== null}
          title={
            boardLock !== null
              ? 'Let participants edit again'
              : 'Only facilitators can edit until you unlock it'
          }
          onClick={() =>
            writeWorkshopField(doc, boardLockField, boardLock !== null ? null : lockHolderFor(editor))
          }
        >
          {boardLock !== null ? 'Unlock board' : 'Lock board'}
        </button>
        <button
          type="button"
          className="flowmap-button"
          data-testid="limit-tools"
          aria-pressed={restricted}
          title={
            restricted
              ? 'Give participants every tool again'
              : 'Participants keep sticky notes and connectors; the map stays as it is'
          }
          onClick={() =>
            writeWorkshopField(doc, participantToolsetField, restricted ? null : 'notes-connectors-votes')
          }
        >
          {restricted ? 'All tools' : 'Notes & connectors only'}
        </button>
      </>
    )
  }
  if (workshop.isHeldParticipant && boardLock !== null) {
    return (
      <span
        className="flowmap-header__badge flowmap-board-locked"
        data-testid="board-locked-badge"
        title="Only facilitators can edit until it is unlocked"
      >
        Board locked by {lockHolderName(boardLock)}
      </span>
    )
  }
  return null
}
