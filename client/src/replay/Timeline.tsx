import {
  activityHistogram,
  type HistoryEntry,
  type NamedVersionJson,
  timelineFraction,
  timelinePeople,
} from '@flowmap/shared'
import { useMemo } from 'react'
import { personColor } from './person-color.ts'
import { personPosition } from './person-position.ts'
import { REPLAY_SPEEDS, type Replay, type ReplaySpeed } from './use-replay.ts'

const BUCKETS = 120

/**
 * The replay timeline: an activity histogram over the history's time, one row of markers per person
 * (where their edits fall; click a name to follow only them), the named versions as flags, a scrubber
 * and the transport controls.
 */
export function Timeline({ replay, versions }: { replay: Replay; versions: readonly NamedVersionJson[] }) {
  const entries = replay.log?.entries ?? []
  const histogram = useMemo(
    () => activityHistogram(entries, BUCKETS, replay.person),
    [entries, replay.person],
  )
  const people = useMemo(() => timelinePeople(entries), [entries])
  const perPerson = useMemo(
    () => people.map((person) => ({ person, buckets: activityHistogram(entries, BUCKETS, person.userId) })),
    [entries, people],
  )
  const peak = Math.max(1, ...histogram)
  // The track is a time axis (as the histogram): the playhead and flags sit at their edit's time.
  const at = (seq: number) => `${timelineFraction(entries, seq) * 100}%`
  const first = entries[0]
  const latest = entries.at(-1)
  const entry = replay.seq > 0 ? entries[replay.seq - 1] : undefined
  const nameOf = (userId: string) => replay.names[userId] ?? userId

  return (
    <section className="flowmap-timeline" aria-label="Replay timeline">
      <div className="flowmap-timeline__track">
        <svg
          className="flowmap-timeline__histogram"
          viewBox={`0 0 ${BUCKETS} 100`}
          preserveAspectRatio="none"
          aria-label="Edits over time"
          role="img"
        >
          {histogram.map((count, index) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positions, fixed in number
              key={index}
              x={index + 0.1}
              width={0.8}
              y={100 - (count / peak) * 100}
              height={(count / peak) * 100}
            />
          ))}
        </svg>
        {versions.map((version) => (
          <button
            type="button"
            key={`${version.seq}-${version.name}-${version.time}`}
            className="flowmap-timeline__flag"
            style={{ left: at(version.seq) }}
            title={`${version.name} (by ${version.userName})`}
            data-testid="replay.version"
            onClick={() => replay.seek(version.seq)}
          >
            {version.name}
          </button>
        ))}
        <div className="flowmap-timeline__playhead" style={{ left: at(replay.seq) }} />
      </div>
      {first && latest ? (
        <div className="flowmap-timeline__span" data-testid="replay.span">
          <time dateTime={new Date(first.time).toISOString()}>{new Date(first.time).toLocaleString()}</time>
          <time dateTime={new Date(latest.time).toISOString()}>{new Date(latest.time).toLocaleString()}</time>
        </div>
      ) : null}
      <input
        className="flowmap-timeline__scrubber"
        type="range"
        min={0}
        max={replay.lastSeq}
        step={1}
        value={replay.seq}
        aria-label="Moment in the history"
        data-testid="replay.scrubber"
        onChange={(event) => replay.seek(Number(event.currentTarget.value))}
      />
      <ul className="flowmap-timeline__people" aria-label="People">
        {perPerson.map(({ person, buckets }) => (
          <li key={person.userId} className="flowmap-timeline__person">
            <button
              type="button"
              className="flowmap-timeline__person-name"
              aria-pressed={replay.person === person.userId}
              style={{ borderColor: personColor(person.userId) }}
              onClick={() => replay.setPerson(replay.person === person.userId ? null : person.userId)}
              title="Show only this person's edits"
            >
              {nameOf(person.userId)} · {person.edits}
            </button>
            <svg
              className="flowmap-timeline__person-marks"
              viewBox={`0 0 ${BUCKETS} 10`}
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              {buckets.map((count, index) =>
                count > 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positions, fixed in number
                  <rect key={index} x={index} width={1} y={0} height={10} fill={personColor(person.userId)} />
                ) : null,
              )}
            </svg>
          </li>
        ))}
      </ul>
      <div className="flowmap-timeline__controls">
        <button
          type="button"
          data-testid="replay.previous"
          onClick={() => replay.stepBy(-1)}
          title="Previous edit"
        >
          ◀ Previous
        </button>
        <button
          type="button"
          className="flowmap-timeline__play"
          data-testid="replay.play"
          onClick={() => replay.setPlaying(!replay.playing)}
          aria-pressed={replay.playing}
        >
          {replay.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" data-testid="replay.next" onClick={() => replay.stepBy(1)} title="Next edit">
          Next ▶
        </button>
        <label className="flowmap-timeline__speed">
          Speed{' '}
          <select
            value={replay.speed}
            data-testid="replay.speed"
            onChange={(event) => replay.setSpeed(Number(event.currentTarget.value) as ReplaySpeed)}
          >
            {REPLAY_SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}x
              </option>
            ))}
          </select>
        </label>
        <output className="flowmap-timeline__where" data-testid="replay.position">
          {replay.person === null ? (
            <>
              Edit {replay.seq} of {replay.lastSeq}
              {entry ? ` · ${new Date(entry.time).toLocaleString()} · ${nameOf(entry.userId)}` : ''}
            </>
          ) : (
            <PersonReadout
              entries={entries}
              seq={replay.seq}
              name={nameOf(replay.person)}
              userId={replay.person}
            />
          )}
        </output>
      </div>
    </section>
  )
}

/** The readout while following one person: their edits alone, numbered among theirs. */
function PersonReadout({
  entries,
  seq,
  userId,
  name,
}: {
  entries: readonly HistoryEntry[]
  seq: number
  userId: string
  name: string
}) {
  const { index, total, entry } = personPosition(entries, seq, userId)
  if (entry === null)
    return (
      <>
        Before {name}'s first edit ({total} in all)
      </>
    )
  const time = new Date(entry.time).toLocaleString()
  // Scrubbed to someone else's edit: the readout still names only theirs, the last one before it.
  const lead = entry.seq === seq ? `${name}'s edit` : `After ${name}'s edit`
  return (
    <>
      {lead} {index} of {total} · {time}
    </>
  )
}
