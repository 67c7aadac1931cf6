/**
 * The replay's state: loads the history page by page (progress) into a HistoryLog, which indexes it
 * as it reads, then shows any moment (`contentAt`: a keyframe plus at most one interval of effects)
 * in the replay's own read-only store. Play advances to the next edit (optionally one person's) at
 * 1x–32x; scrub and step jump anywhere, at the same cost wherever they land.
 */
import {
  type BoardContent,
  entrySummaries,
  type HistoryEntry,
  type HistoryLog,
  nextEditSeq,
  type Role,
} from '@flowmap/shared'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { TLStore } from 'tldraw'
import { withDeviceHistoryCache } from '../storage/history-cache.ts'
import { fetchHistory } from './history-api.ts'
import { createReplayStore, showContentInStore } from './replay-store.ts'

export const REPLAY_SPEEDS = [1, 2, 4, 8, 16, 32] as const
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number]

/** At 1x, two edits a second: replay follows edits, not wall-clock gaps (a workshop has long pauses). */
const EDITS_PER_SECOND_AT_1X = 2

export type ReplayLoad =
  | { state: 'loading'; loaded: number; total: number }
  | { state: 'failed'; reason: string }
  /** `offline`: why only this device's copy of the history is shown, or null */
  | { state: 'ready'; offline: string | null }

/**
 * The edit that led to the shown moment, the records it wrote and removed (for highlighting), and what
 * it did in workflow words (the caption: "replied on Approve budget", "added 2 steps"; null for a
 * client's upkeep such as a new page).
 */
export type ReplayStep = {
  entry: HistoryEntry
  changed: string[]
  removed: string[]
  summary: string | null
}

export type Replay = {
  store: TLStore
  load: ReplayLoad
  log: HistoryLog | null
  names: Record<string, string>
  seq: number
  lastSeq: number
  step: ReplayStep | null
  roles: Role[]
  playing: boolean
  speed: ReplaySpeed
  /** Only this person's edits (play, next/previous); null for everyone. */
  person: string | null
  seek(seq: number): void
  stepBy(direction: 1 | -1): void
  setPlaying(playing: boolean): void
  setSpeed(speed: ReplaySpeed): void
  setPerson(person: string | null): void
  /** The board's content at the shown moment (restore writes it back). */
  currentContent(): BoardContent | null
}

/** `initialSeq`: the moment to open at (the Activity panel's group); the latest when absent. */
export function useReplay(boardId: string, token: string | null, initialSeq?: number): Replay {
  const store = useMemo(() => createReplayStore(), [])
  const [load, setLoad] = useState<ReplayLoad>({ state: 'loading', loaded: 0, total: 0 })
  const [loaded, setLoaded] = useState<{
    log: HistoryLog
    names: Record<string, string>
    /** Each edit's caption, worked out once as the history loads (play seeks many times a second). */
    summaries: Map<number, string>
  } | null>(null)
  const content = useRef<BoardContent | null>(null)
  const [shown, setShown] = useState<{ seq: number; step: ReplayStep | null; roles: Role[] }>({
    seq: 0,
    step: null,
    roles: [],
  })
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<ReplaySpeed>(1)
  const [person, setPerson] = useState<string | null>(null)

  const seek = useCallback(
    (seq: number) => {
      if (!loaded) return
      const moment = loaded.log.contentAt(seq)
      content.current = moment
      showContentInStore(store, moment)
      const effect = loaded.log.effectOf(moment.seq)
      const entry = loaded.log.entries[moment.seq - 1]
      const step =
        effect && entry
          ? {
              entry,
              changed: effect.upserted.map((record) => record.id),
              removed: [...effect.removed],
              summary: loaded.summaries.get(moment.seq) ?? null,
            }
          : null
      setShown({ seq: moment.seq, step, roles: [...moment.roles] })
    },
    [store, loaded],
  )

  useEffect(() => {
    const abort = new AbortController()
    withDeviceHistoryCache((cache) =>
      fetchHistory(boardId, token, (done, total) => setLoad({ state: 'loading', loaded: done, total }), {
        signal: abort.signal,
        cache,
      }),
    ).then((result) => {
      if (abort.signal.aborted) return
      if (!result.ok) {
        setLoad({ state: 'failed', reason: result.reason })
        return
      }
      setLoaded({ ...result.value, summaries: entrySummaries(result.value.log) })
      setLoad({ state: 'ready', offline: result.value.offline })
    })
    return () => {
      abort.abort()
    }
  }, [boardId, token])

  // Open at the latest moment (the board as the person left it, ready to scrub back), or the one asked.
  const openAt = useRef(initialSeq)
  useEffect(() => {
    if (loaded) seek(openAt.current ?? loaded.log.lastSeq)
  }, [loaded, seek])

  const stepBy = useCallback(
    (direction: 1 | -1) => {
      if (!loaded) return
      const next = nextEditSeq(loaded.log.entries, shown.seq, direction, person)
      if (next !== null) seek(next)
      else if (direction === -1) seek(0)
    },
    [loaded, shown.seq, person, seek],
  )

  useEffect(() => {
    if (!playing || !loaded) return
    const timer = window.setTimeout(
      () => {
        const next = nextEditSeq(loaded.log.entries, shown.seq, 1, person)
        if (next === null) setPlaying(false)
        else seek(next)
      },
      1000 / (EDITS_PER_SECOND_AT_1X * speed),
    )
    return () => window.clearTimeout(timer)
  }, [playing, loaded, shown.seq, person, speed, seek])

  return {
    store,
    load,
    log: loaded?.log ?? null,
    names: loaded?.names ?? {},
    seq: shown.seq,
    lastSeq: loaded?.log.lastSeq ?? 0,
    step: shown.step,
    roles: shown.roles,
    playing,
    speed,
    person,
    seek,
    stepBy,
    setPlaying: (value: boolean) => {
      // Play from the start when at the end, as media players do.
      if (value && loaded && nextEditSeq(loaded.log.entries, shown.seq, 1, person) === null) seek(0)
      setPlaying(value)
    },
    setSpeed,
    setPerson,
    currentContent: () => content.current,
  }
}
