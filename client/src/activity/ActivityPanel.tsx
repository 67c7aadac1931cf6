import { type ActivityGroup, activityByDay, activityGroups, SERVER_USER_ID } from '@flowmap/shared'
import { useMemo } from 'react'
import type { Editor } from 'tldraw'
import { personColor } from '../replay/person-color.ts'
import { useActivity } from './use-activity.ts'
import './activity.css'

type ActivityPanelProps = {
  boardId: string
  token: string | null
  editor: Editor | null
  /** Whether the Activity tab is the one shown: the history loads the first time it is. */
  shown: boolean
  /** Opens replay at the moment after entry `seq`. */
  onOpenReplay(seq: number): void
}

/** What the server's own changes (a restore, an import, a template, a reveal) are credited to. */
const SERVER_NAME = 'Flowmap (server)'

/**
 * The Activity tab: who changed what, when, newest first under day headings, from the board's
 * history (shared/src/history/activity.ts). A group is a button: it opens replay at its last edit.
 */
export function ActivityPanel({ boardId, token, editor, shown, onOpenReplay }: ActivityPanelProps) {
  const { load, retry } = useActivity(boardId, token, editor, shown)
  const log = load.state === 'ready' ? load.log : null
  const version = load.state === 'ready' ? load.version : 0
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` grows as the log is appended to in place
  const groups = useMemo(() => (log ? activityGroups(log) : []), [log, version])
  const days = activityByDay(groups, {
    now: Date.now(),
    offsetMinutes: (time) => -new Date(time).getTimezoneOffset(),
  })
  const nameOf = (userId: string) =>
    userId === SERVER_USER_ID ? SERVER_NAME : load.state === 'ready' ? (load.names[userId] ?? userId) : userId

  return (
    <section className="flowmap-panel flowmap-activity" aria-label="Activity" data-testid="activity-panel">
      <h2 className="flowmap-panel__title">Activity</h2>
      {load.state === 'idle' || load.state === 'loading' ? (
        <p className="flowmap-panel__note" role="status" data-testid="activity.loading">
          {load.state === 'loading' && load.total > 0
            ? `Loading the history: ${load.loaded} of ${load.total} edits…`
            : 'Loading the history…'}
        </p>
      ) : null}
      {load.state === 'failed' ? (
        <div role="alert" data-testid="activity.failed">
          <p className="flowmap-panel__note">
            The activity could not be loaded: {load.reason}. It shows once the server can be reached.
          </p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      ) : null}
      {load.state === 'ready' && load.offline !== null ? (
        <p className="flowmap-panel__note" role="status" data-testid="activity.offline">
          Offline: showing the {load.log.lastSeq} edits this device has seen. Newer ones appear when the
          server can be reached.
        </p>
      ) : null}
      {load.state === 'ready' && days.length === 0 ? (
        <p className="flowmap-panel__note">No edits yet.</p>
      ) : null}
      {days.map((day) => (
        <div key={day.heading} className="flowmap-activity__day">
          <h3 className="flowmap-activity__heading" data-testid="activity.day">
            {day.heading}
          </h3>
          <ul className="flowmap-activity__list">
            {day.groups.map((group) => (
              <li key={group.firstSeq}>
                <ActivityRow group={group} name={nameOf(group.userId)} onOpen={onOpenReplay} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

function ActivityRow({
  group,
  name,
  onOpen,
}: {
  group: ActivityGroup
  name: string
  onOpen(seq: number): void
}) {
  const time = new Date(group.lastTime).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  return (
    <button
      type="button"
      className="flowmap-activity__row"
      data-testid="activity.group"
      data-last-seq={group.lastSeq}
      aria-label={`${name} at ${time}: ${group.summary}. Open in replay`}
      onClick={() => onOpen(group.lastSeq)}
    >
      <span className="flowmap-activity__swatch" style={{ background: personColor(group.userId) }} />
      <span className="flowmap-activity__who">{name}</span>
      <time className="flowmap-activity__time" dateTime={new Date(group.lastTime).toISOString()}>
        {time}
      </time>
      <span className="flowmap-activity__summary" data-testid="activity.summary">
        {group.summary}
      </span>
    </button>
  )
}
