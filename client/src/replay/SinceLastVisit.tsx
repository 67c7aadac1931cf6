import { diffLog, type HistoryDiff } from '@flowmap/shared'
import { useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Editor } from 'tldraw'
import { deviceHistoryCache } from '../storage/history-cache.ts'
import { fetchHistory, fetchLastSeq } from './history-api.ts'
import { readLastSeen, writeLastSeen } from './last-visit.ts'
import { ShapeOutlines } from './ShapeOutlines.tsx'
import { viewerIdentity } from './viewer-identity.ts'
import './replay.css'

type Changes = { diff: HistoryDiff; names: Record<string, string>; lastSeq: number }

/**
 * "Since your last visit": on opening a board, what changed since this person last saw it (counts per
 * person), with the changed shapes outlined on the live canvas until they dismiss it. The first visit
 * only remembers where the board is. Dismissing remembers the board's latest seq.
 */
export function SinceLastVisit({
  editor,
  boardId,
  token,
}: {
  editor: Editor | null
  boardId: string
  token: string | null
}) {
  const identity = useMemo(() => viewerIdentity(token), [token])
  const [changes, setChanges] = useState<Changes | null>(null)

  useEffect(() => {
    let cancelled = false
    const abort = new AbortController()
    void (async () => {
      const lastSeen = readLastSeen(identity.userId, boardId)
      const latest = await fetchLastSeq(boardId, token)
      if (cancelled || !latest.ok) return
      if (lastSeen === null) {
        writeLastSeen(identity.userId, boardId, latest.value)
        return
      }
      if (latest.value <= lastSeen) return
      const history = await fetchHistory(boardId, token, () => {}, {
        signal: abort.signal,
        cache: deviceHistoryCache(),
      })
      if (cancelled || !history.ok) return
      const full = diffLog(history.value.log, { seq: lastSeen }, { seq: history.value.log.lastSeq })
      history.value.log.destroy()
      // In workflow terms: shapes (steps, lanes, connectors …), not the page and document records a
      // client creates when it first opens a board.
      const diff = shapesOnly(full)
      if (diff.changes.length === 0) {
        writeLastSeen(identity.userId, boardId, diff.toSeq)
        return
      }
      setChanges({ diff, names: history.value.names, lastSeq: diff.toSeq })
    })()
    return () => {
      cancelled = true
      abort.abort()
    }
  }, [boardId, token, identity.userId])

  const outlines = useMemo(
    () =>
      (changes?.diff.changes ?? [])
        .filter((change) => change.typeName === 'shape' && change.kind !== 'removed')
        .map((change) => ({ id: change.id, label: change.kind === 'added' ? 'new' : 'changed' })),
    [changes],
  )
  if (!changes || !editor) return null

  const dismiss = () => {
    writeLastSeen(identity.userId, boardId, changes.lastSeq)
    setChanges(null)
    // Whatever reached the board while the banner was up happened in front of them: seen too.
    void fetchLastSeq(boardId, token).then((latest) => {
      if (latest.ok) writeLastSeen(identity.userId, boardId, latest.value)
    })
  }
  const people = Object.entries(changes.diff.byUser)
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
                {userId === identity.userId ? 'You' : (changes.names[userId] ?? userId)}: {describe(counts)}
              </li>
            ))}
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
