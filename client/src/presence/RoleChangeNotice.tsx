import { type BoardRole, canEditBoard } from '@flowmap/shared'
import { useState } from 'react'
import './people-panel.css'

const SAYS = {
  viewer: 'A facilitator made you a viewer: you can look at the board, but not change it any more.',
  editor: 'A facilitator made you an editor: you can change the board now.',
  facilitator: 'You are a facilitator of this board now.',
} as const

/**
 * Says so when a facilitator changes this page's role while it is open (the board follows at once).
 * Keyed by the number of changes where it is used, so each change shows again once dismissed.
 */
export function RoleChangeNotice({ role, changedFrom }: { role: BoardRole; changedFrom: BoardRole | null }) {
  const [dismissed, setDismissed] = useState(false)
  if (changedFrom === null || changedFrom === role || dismissed) return null
  return (
    <div
      className={`flowmap-role-notice flowmap-role-notice--${canEditBoard(role) ? 'can-edit' : 'view-only'}`}
      role="status"
      data-testid="role-change-notice"
      data-role={role}
    >
      <span>{SAYS[role]}</span>
      <button type="button" className="flowmap-button" onClick={() => setDismissed(true)}>
        OK
      </button>
    </div>
  )
}
