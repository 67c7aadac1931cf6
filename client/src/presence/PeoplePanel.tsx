import type { MemberChange, PeopleMessage } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { activityOf } from './activity.ts'
import type { Peer } from './awareness-bridge.ts'
import { IdentityEditor } from './IdentityEditor.tsx'
import type { PersonIdentity } from './identity.ts'
import { requestMemberChange } from './member-change-api.ts'
import { type PersonRow, peopleRows } from './people-rows.ts'
import { userRecordId } from './presence-records.ts'
import './people-panel.css'

const ROLE_LABELS = { facilitator: 'Facilitator', editor: 'Editor', viewer: 'Viewer' } as const
const ACTIVITY_TICK_MS = 15_000

/** What a facilitator's buttons need to ask the server; null for anyone else. */
export type PeopleManagement = { readonly boardId: string; readonly token: string | null }

/**
 * Everyone on the board (me first) with the role the server verified and online/idle, a Follow button
 * each, and my name/colour; for a facilitator, buttons to make someone an editor or a viewer, or remove them.
 */
export function PeoplePanel({
  editor,
  peers,
  people,
  identity,
  onIdentityChange,
  management,
}: {
  editor: Editor | null
  peers: readonly Peer[]
  people: PeopleMessage | null
  identity: PersonIdentity
  onIdentityChange(next: PersonIdentity): void
  management: PeopleManagement | null
}) {
  const [now, setNow] = useState(Date.now)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ACTIVITY_TICK_MS)
    return () => clearInterval(timer)
  }, [])
  const rows = peopleRows(people, peers)
  const others = rows.filter((row) => !row.isSelf)
  const change = async (userId: string, next: MemberChange) => {
    if (!management) return
    setProblem(null)
    const result = await requestMemberChange({ ...management, userId, change: next })
    if (!result.ok) setProblem(result.message)
  }
  return (
    <div className="flowmap-presence__panel">
      <IdentityEditor identity={identity} onChange={onIdentityChange} />
      <h3 className="flowmap-presence__heading">On this board</h3>
      <ul className="flowmap-presence__people" aria-label="People on this board" data-testid="people-list">
        {rows.map((row) => (
          <PersonItem
            key={row.userId ?? `peer-${row.peer?.clientId}`}
            row={row}
            now={now}
            editor={editor}
            onChange={management && !row.isSelf ? change : null}
          />
        ))}
      </ul>
      {others.length === 0 && <p className="flowmap-presence__alone">Nobody else is here right now.</p>}
      {problem !== null && (
        <p className="flowmap-presence__problem" role="alert" data-testid="people-problem">
          {problem}
        </p>
      )}
    </div>
  )
}

function PersonItem({
  row,
  now,
  editor,
  onChange,
}: {
  row: PersonRow
  now: number
  editor: Editor | null
  onChange: ((userId: string, change: MemberChange) => void) | null
}) {
  const activity = row.peer ? activityOf(row.peer.activeAt, now) : 'online'
  const { userId, peer } = row
  return (
    <li
      data-testid="person"
      data-activity={activity}
      data-role={row.role ?? 'unverified'}
      data-user-id={userId ?? undefined}
    >
      <span
        className="flowmap-presence__dot"
        style={{ background: peer?.person.color ?? 'transparent' }}
        aria-hidden="true"
      />
      <span className="flowmap-presence__name">
        {row.name}
        {row.isSelf ? ' (you)' : ''}
      </span>
      <span className="flowmap-presence__role" title="the role the server applies">
        {row.role === null ? '…' : ROLE_LABELS[row.role]}
      </span>
      <span className={`flowmap-presence__activity flowmap-presence__activity--${activity}`}>
        {activity === 'idle' ? 'idle' : 'online'}
      </span>
      {!row.isSelf && editor && peer && (
        <button
          type="button"
          className="flowmap-button"
          aria-label={`Follow ${row.name}`}
          onClick={() => editor.startFollowingUser(userRecordId(peer.person.id))}
        >
          Follow
        </button>
      )}
      {onChange && userId !== null && (
        <span className="flowmap-presence__manage">
          {row.role === 'viewer' ? (
            <button
              type="button"
              className="flowmap-button"
              data-testid="person-make-editor"
              aria-label={`Let ${row.name} edit`}
              onClick={() => onChange(userId, 'editor')}
            >
              Make editor
            </button>
          ) : (
            <button
              type="button"
              className="flowmap-button"
              data-testid="person-make-viewer"
              aria-label={`Make ${row.name} a viewer`}
              onClick={() => onChange(userId, 'viewer')}
            >
              Make viewer
            </button>
          )}
          <button
            type="button"
            className="flowmap-button flowmap-button--danger"
            data-testid="person-remove"
            aria-label={`Remove ${row.name} from this board`}
            onClick={() => onChange(userId, 'removed')}
          >
            Remove
          </button>
        </span>
      )}
    </li>
  )
}
