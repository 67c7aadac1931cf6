/**
 * The Activity panel's state: the board's history, loaded the first time the panel is shown (not when
 * the board opens: a long history costs a download), then kept up to date while it is shown. New
 * entries are asked for after the board changes (anyone's edit reaches the store; the server logs it
 * a moment later, hence the quiet time) and on a slow poll (an edit the server logged after that ask).
 */
import type { HistoryLog } from '@flowmap/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { fetchHistory, fetchNewEntries } from '../replay/history-api.ts'
import { withDeviceHistoryCache } from '../storage/history-cache.ts'

/** After the board changes, wait this long for more before asking the server for new entries. */
const CHANGES_QUIET_MS = 800
/** While shown, ask for new entries at least this often. */
const POLL_MS = 5000

export type ActivityLoad =
  | { state: 'idle' }
  | { state: 'loading'; loaded: number; total: number }
  | { state: 'failed'; reason: string }
  /** `version` grows with each entry appended; `offline` says why only this device's copy is shown. */
  | {
      state: 'ready'
      log: HistoryLog
      names: Record<string, string>
      offline: string | null
      version: number
    }

export function useActivity(
  boardId: string,
  token: string | null,
  editor: Editor | null,
  shown: boolean,
): { load: ActivityLoad; retry(): void } {
  const [load, setLoad] = useState<ActivityLoad>({ state: 'idle' })
  const [attempt, setAttempt] = useState(0)
  const [started, setStarted] = useState(false)
  useEffect(() => {
    if (shown) setStarted(true)
  }, [shown])

  // 1. The first load, once first shown (and again on retry).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry's trigger
  useEffect(() => {
    if (!started) return
    const abort = new AbortController()
    setLoad({ state: 'loading', loaded: 0, total: 0 })
    void withDeviceHistoryCache((cache) =>
      fetchHistory(boardId, token, (loaded, total) => setLoad({ state: 'loading', loaded, total }), {
        signal: abort.signal,
        cache,
      }),
    ).then((result) => {
      if (abort.signal.aborted) {
        if (result.ok) result.value.log.destroy()
        return
      }
      setLoad(
        result.ok
          ? { state: 'ready', ...result.value, version: result.value.log.lastSeq }
          : { state: 'failed', reason: result.reason },
      )
    })
    return () => abort.abort()
  }, [boardId, token, attempt, started])

  const log = load.state === 'ready' ? load.log : null
  const names = load.state === 'ready' ? load.names : null
  useEffect(() => () => log?.destroy(), [log])

  // 2. Kept up to date while shown: one request at a time; a render only when something arrived.
  const busy = useRef(false)
  const refresh = useCallback(async () => {
    if (!log || !names || busy.current) return
    busy.current = true
    try {
      const history = { log, names }
      const result = await withDeviceHistoryCache((cache) =>
        fetchNewEntries(boardId, token, history, cache ? { cache } : {}),
      )
      if (!result.ok) return
      setLoad((current) =>
        current.state !== 'ready' || current.log !== log || (result.value === 0 && current.offline === null)
          ? current
          : { ...current, names: { ...names }, offline: null, version: log.lastSeq },
      )
    } finally {
      busy.current = false
    }
  }, [boardId, token, log, names])

  useEffect(() => {
    if (!shown || !log) return
    let quiet: number | undefined
    const stopListening = editor?.store.listen(
      () => {
        window.clearTimeout(quiet)
        quiet = window.setTimeout(() => void refresh(), CHANGES_QUIET_MS)
      },
      { source: 'all', scope: 'document' },
    )
    const poll = window.setInterval(() => void refresh(), POLL_MS)
    // Shown again after a while, or something just arrived: ask once now.
    void refresh()
    return () => {
      window.clearTimeout(quiet)
      window.clearInterval(poll)
      stopListening?.()
    }
  }, [shown, log, editor, refresh])

  return { load, retry: () => setAttempt((n) => n + 1) }
}
