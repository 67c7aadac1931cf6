import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { activityOf } from './activity.ts'
import type { Peer } from './awareness-bridge.ts'
import { IdentityEditor } from './IdentityEditor.tsx'
import type { PersonIdentity } from './identity.ts'
import { userRecordId } from './presence-records.ts'

const ROLE_LABELS = { facilitator: 'Facilitator', editor: 'Editor', viewer: 'Viewer' } as const
const ACTIVITY_TICK_MS = 15_000

/** Everyone on the board (me first) with role and online/idle, a Follow button each, and my name/colour. */
export function PeoplePanel({
  editor,
  peers,
  identity,
  onIdentityChange,
}: {
  editor: Editor | null
  peers: readonly Peer[]
  identity: PersonIdentity
  onIdentityChange(next: PersonIdentity): void
}) {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ACTIVITY_TICK_MS)
    return () => clearInterval(timer)
  }, [])
  const others = peers.filter((peer) => !peer.isSelf)
  return (
    <div className="flowmap-presence__panel">
      <IdentityEditor identity={identity} onChange={onIdentityChange} />
      <h3 className="flowmap-presence__heading">On this board</h3>
      <ul className="flowmap-presence__people" aria-label="People on this board" data-testid="people-list">
        {peers.map((peer) => {
          const activity = activityOf(peer.activeAt, now)
          return (
            <li key={peer.clientId} data-testid="person" data-activity={activity} data-role={peer.role}>
              <span
                className="flowmap-presence__dot"
                style={{ background: peer.person.color }}
                aria-hidden="true"
              />
              <span className="flowmap-presence__name">
                {peer.person.name}
                {peer.isSelf ? ' (you)' : ''}
              </span>
              <span className="flowmap-presence__role">{ROLE_LABELS[peer.role]}</span>
              <span className={`flowmap-presence__activity flowmap-presence__activity--${activity}`}>
                {activity === 'idle' ? 'idle' : 'online'}
              </span>
              {!peer.isSelf && editor && (
                <button
                  type="button"
                  className="flowmap-button"
                  aria-label={`Follow ${peer.person.name}`}
                  onClick={() => editor.startFollowingUser(userRecordId(peer.person.id))}
                >
                  Follow
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {others.length === 0 && <p className="flowmap-presence__alone">Nobody else is here right now.</p>}
    </div>
  )
}
