import {
  type CommentActivity,
  commentActivity,
  commentActivityParts,
  diffLog,
  type HistoryDiff,
} from '@flowmap/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Editor } from 'tldraw'
import { withDeviceHistoryCache } from '../storage/history-cache.ts'
import { fetchHistory, fetchLastSeq } from './history-api.ts'
import { readLastSeen, trackSeenWhileOpen, writeLastSeen } from './last-visit.ts'
import { ShapeOutlines } from './ShapeOutlines.tsx'
import { viewerIdentity } from './viewer-identity.ts'
import './replay.css'

type Changes = { diff: HistoryDiff; comments: CommentActivity[]; names: Record<string, string> }

/** After the board changes (anyone's edit), wait this long for more before asking for the latest seq. */
const CHANGES_QUIET_MS = 500

/**
 * "Since your last visit": on opening a board, what changed while this person was away (shape counts
 * per person, and what each did to comments: "Dana: 2 replies on *Approve budget*"), with the changed shapes outlined on the live canvas until they dismiss it. The mark moves
 * while the board is open, in view and online (last-visit.ts), so what they watched happen, their own
 * edits included, is not news next time. The first visit only sets the mark.
 */
export function SinceLastVisit({
  editor,
  boardId,
  token,
  online,
}: {
  editor: Editor | null
  boardId: string
  token: string | null
  /** Whether the board is connected: only then do others' changes reach the page to be seen. */
  online: boolean
}) {
  const identity = useMemo(() => viewerIdentity(token), [token])
  const [changes, setChanges] = useState<Changes | null>(null)
  /** Whether the mark may move: not before the banner is worked out, nor while it is up. */
  const [tracking, setTracking] = useState(false)
  const onlineNow = useRef(online)
  onlineNow.current = online

  // Worked out once per board and person, as soon as the board is connected (an offline open waits).
  const workedOut = useRef<string | null>(null)
  useEffect(() => {
    const subject = `${identity.userId}|${boardId}|${token}`
    if (!online || workedOut.current === subject) return
    let cancelled = false
    const abort = new AbortController()
    void (async () => {
      const lastSeen = readLastSeen(identity.userId, boardId)
      const latest = await fetchLastSeq(boardId, token)
      if (cancelled || !latest.ok) return
      const found =
        lastSeen === null || latest.value <= lastSeen
          ? null
          : await changesSince(boardId, token, lastSeen, abort.signal)
      if (cancelled) return
      workedOut.current = subject
      if (found === null) setTracking(true)
      else setChanges(found)
    })()
    return () => {
      cancelled = true
      abort.abort()
    }
  }, [boardId, token, identity.userId, online])

  useEffect(() => {
    if (!tracking) return
    const mark = () => {
      if (!onlineNow.current) return
      void fetchLastSeq(boardId, token).then((latest) => {
        if (latest.ok && onlineNow.current) writeLastSeen(identity.userId, boardId, latest.value)
      })
    }
    const stop = trackSeenWhileOpen(mark)
    let quiet: number | undefined
    const stopListening = editor?.store.listen(
      () => {
        window.clearTimeout(quiet)
        // Changes that arrive while the page is hidden (another tab) are not seen until it is back.
        quiet = window.setTimeout(() => {
          if (document.visibilityState === 'visible') mark()
        }, CHANGES_QUIET_MS)
      },
      { source: 'all', scope: 'document' },
    )
    return () => {
      window.clearTimeout(quiet)
      stopListening?.()
      stop()
    }
  }, [tracking, editor, boardId, token, identity.userId])

  const outlines = useMemo(
    () =>
      (changes?.diff.changes ?? [])
        .filter((change) => change.typeName === 'shape' && change.kind !== 'removed')
        .map((change) => ({ id: change.id, label: change.kind === 'added' ? 'new' : 'changed' })),
    [changes],
  )
  if (!changes || !editor) return null

  // Dismissed: they have seen it, and the mark moves on from here.
  const dismiss = () => {
    setChanges(null)
    setTracking(true)
  }
  const people = Object.entries(changes.diff.byUser)
  const nameOf = (userId: string) => (userId === identity.userId ? 'You' : (changes.names[userId] ?? userId))
  return (
    <>
      {createPortal(
        <section
          className="flowmap-since-visit"
          aria-label="Changes since your last visit"
          data-testid="since-visit"
        >
          <strong>Since your last visit</strong>
          <ul>
            {people.map(([userId, counts]) => (
              <li key={userId} data-testid="since-visit.person">
                {nameOf(userId)}: {describe(counts)}
              </li>
            ))}
            {changes.comments.map((item) => {
              const { lead, label } = commentActivityParts(item, nameOf(item.userId))
              return (
                <li key={`${item.userId} ${item.threadId}`} data-testid="since-visit.comments">
                  {lead} <em>{label}</em>
                </li>
              )
            })}
          </ul>
          <button type="button" data-testid="since-visit.dismiss" onClick={dismiss}>
            Got it
          </button>
        </section>,
        editor.getContainer(),
      )}
      <ShapeOutlines editor={editor} outlines={outlines} tone="since-visit" />
    </>
  )
}

/** What others (and this person elsewhere) changed after seq `lastSeen`, in shapes and comments; null when nothing. */
async function changesSince(
  boardId: string,
  token: string | null,
  lastSeen: number,
  signal: AbortSignal,
): Promise<Changes | null> {
  const history = await withDeviceHistoryCache((cache) =>
    fetchHistory(boardId, token, () => {}, { signal, cache }),
  )
  if (!history.ok) return null
  const { log, names } = history.value
  try {
    // In workflow terms: shapes (steps, lanes, connectors …), not the page and document records a
    // client creates when it first opens a board.
    const diff = shapesOnly(diffLog(log, { seq: lastSeen }, { seq: log.lastSeq }))
    const comments = commentActivity(log, lastSeen, log.lastSeq)
    return diff.changes.length === 0 && comments.length === 0 ? null : { diff, comments, names }
  } finally {
    log.destroy()
  }
}

function shapesOnly(diff: HistoryDiff): HistoryDiff {
  const changes = diff.changes.filter((change) => change.typeName === 'shape')
  const byUser: HistoryDiff['byUser'] = {}
  for (const change of changes) {
    for (const user of change.by) {
      byUser[user] ??= { added: 0, removed: 0, changed: 0 }
      byUser[user][change.kind]++
    }
  }
  return { ...diff, changes, byUser }
}

function describe(counts: { added: number; removed: number; changed: number }): string {
  const parts: string[] = []
  if (counts.added > 0) parts.push(`${counts.added} added`)
  if (counts.changed > 0) parts.push(`${counts.changed} changed`)
  if (counts.removed > 0) parts.push(`${counts.removed} removed`)
  return parts.join(', ')
}
