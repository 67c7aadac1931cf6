import { canFacilitateBoard, type NamedVersionJson } from '@flowmap/shared'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { type Editor, Tldraw } from 'tldraw'
import type * as Y from 'yjs'
import { DEFAULT_COLOR_SCHEME } from '../app/app-color-mode.ts'
import { TLDRAW_ASSET_URLS } from '../app/tldraw-asset-urls.ts'
import { setBoardRoles } from '../shapes/board-roles.ts'
import { CANVAS_SHAPE_UTILS } from '../shapes/workflow-shapes.tsx'
import { fetchVersions, nameVersion } from './history-api.ts'
import { personColor } from './person-color.ts'
import { restoreLiveBoard } from './restore-live-board.ts'
import { ShapeOutlines } from './ShapeOutlines.tsx'
import { Timeline } from './Timeline.tsx'
import { useFitReplayOnOpen } from './use-fit-replay.ts'
import { useReplay } from './use-replay.ts'
import { viewerIdentity } from './viewer-identity.ts'
import './replay.css'

export type ReplayModeProps = {
  boardId: string
  token: string | null
  /** The live board's doc: only a restore writes to it, as one forward change. */
  liveDoc: Y.Doc | null
  /** The live board's editor: a restore goes through its store, as one undo step. */
  liveEditor: Editor | null
  licenseKey?: string | null
  /** The moment to open at (a group of the Activity panel); the latest when absent. */
  initialSeq?: number
  onClose(): void
}

type ReplayTestHook = { editor: Editor | null; seek(seq: number): void; seq: number; lastSeq: number }

/**
 * Replay mode: the board's history in a separate, unsynced, read-only doc and tldraw view over the
 * page. The live board stays mounted and connected underneath, untouched; closing drops the replay.
 */
export function ReplayMode({
  boardId,
  token,
  liveDoc,
  liveEditor,
  licenseKey,
  initialSeq,
  onClose,
}: ReplayModeProps) {
  const replay = useReplay(boardId, token, initialSeq)
  const identity = useMemo(() => viewerIdentity(token), [token])
  const [editor, setEditor] = useState<Editor | null>(null)
  const [versions, setVersions] = useState<NamedVersionJson[]>([])
  const [notice, setNotice] = useState<string | null>(null)

  const refreshVersions = useCallback(async () => {
    const result = await fetchVersions(boardId, token)
    if (result.ok) setVersions(result.value)
    // Unreachable: the offline line below says what is shown, and that names come back online.
    else if (!result.unreachable) setNotice(`Named versions could not be loaded: ${result.reason}`)
  }, [boardId, token])
  useEffect(() => {
    void refreshVersions()
  }, [refreshVersions])

  useFitReplayOnOpen(editor, replay.load.state === 'ready')

  useEffect(() => {
    if (editor) setBoardRoles(editor, replay.roles)
  }, [editor, replay.roles])

  useEffect(() => {
    const host = window as unknown as { __flowmapReplay?: ReplayTestHook }
    host.__flowmapReplay = { editor, seek: replay.seek, seq: replay.seq, lastSeq: replay.lastSeq }
    return () => {
      delete host.__flowmapReplay
    }
  }, [editor, replay.seek, replay.seq, replay.lastSeq])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  const restore = () => {
    const past = replay.currentContent()
    if (!liveDoc || !liveEditor || !past) return
    const ok = window.confirm(
      `Restore the board to edit ${replay.seq}? Everyone sees the change, as one new edit in the history ` +
        '(which keeps every edit); Ctrl+Z on the board right after takes it back.',
    )
    if (!ok) return
    const restored = restoreLiveBoard(liveEditor, liveDoc, past)
    if (!restored.ok) {
      setNotice(restored.reason)
      return
    }
    const { summary } = restored
    const count = summary.written.length + summary.deleted.length + summary.rolesWritten.length
    setNotice(`Restored edit ${replay.seq}: ${count} change${count === 1 ? '' : 's'} written.`)
    onClose()
  }

  const nameMoment = async () => {
    const name = window.prompt('Name this moment (e.g. "after round 1")')
    if (!name) return
    const result = await nameVersion(boardId, token, name, replay.seq)
    if (!result.ok) setNotice(`The version could not be named: ${result.reason}`)
    else await refreshVersions()
  }

  const author = replay.step ? (replay.names[replay.step.entry.userId] ?? replay.step.entry.userId) : null
  const outlines = useMemo(
    () =>
      (replay.step?.changed ?? [])
        .filter((id) => id.startsWith('shape:'))
        .map((id) => ({ id, label: author })),
    [replay.step, author],
  )
  const facilitator = canFacilitateBoard(identity.role)

  return createPortal(
    <div className="flowmap-replay" role="dialog" aria-label="Replay" data-testid="replay">
      <header className="flowmap-replay__header">
        <strong>Replay</strong>
        <span className="flowmap-replay__caption" data-testid="replay.caption">
          {replay.step && author ? (
            <>
              <span
                className="flowmap-replay__author"
                style={{ background: personColor(replay.step.entry.userId) }}
              >
                {author}
              </span>{' '}
              {replay.step.summary ?? 'made no change to the map'}
            </>
          ) : (
            'The board before its first edit'
          )}
        </span>
        {facilitator ? (
          <>
            <button
              type="button"
              data-testid="replay.name-version"
              onClick={nameMoment}
              disabled={replay.load.state !== 'ready'}
            >
              Name this moment
            </button>
            <button
              type="button"
              data-testid="replay.restore"
              onClick={restore}
              disabled={
                replay.load.state !== 'ready' || !liveDoc || !liveEditor || replay.seq === replay.lastSeq
              }
              title="Make the live board equal to this moment (a new change; the history keeps everything)"
            >
              Restore this moment
            </button>
          </>
        ) : null}
        <button type="button" data-testid="replay.close" onClick={onClose}>
          Back to live board
        </button>
      </header>
      {notice ? (
        <p className="flowmap-replay__notice" role="status">
          {notice}
        </p>
      ) : null}
      {replay.load.state === 'loading' ? (
        <div className="flowmap-replay__loading" data-testid="replay.loading">
          <progress max={Math.max(1, replay.load.total)} value={replay.load.loaded} />
          <span>
            Loading history: {replay.load.loaded} of {replay.load.total} edits
          </span>
        </div>
      ) : null}
      {replay.load.state === 'ready' && replay.load.offline !== null ? (
        <p className="flowmap-replay__notice" role="status" data-testid="replay.offline">
          Offline: showing the {replay.lastSeq} edits this device has seen. Newer edits and named versions
          load when the server can be reached.
        </p>
      ) : null}
      {replay.load.state === 'failed' ? (
        <p className="flowmap-replay__notice" role="alert">
          The history could not be loaded: {replay.load.reason}
        </p>
      ) : null}
      <div className="flowmap-replay__canvas" data-testid="replay.canvas">
        <Tldraw
          store={replay.store}
          shapeUtils={CANVAS_SHAPE_UTILS}
          assetUrls={TLDRAW_ASSET_URLS}
          licenseKey={licenseKey ?? undefined}
          colorScheme={DEFAULT_COLOR_SCHEME}
          hideUi
          onMount={setEditor}
        />
        {editor ? <ShapeOutlines editor={editor} outlines={outlines} tone="replay" /> : null}
      </div>
      {replay.load.state === 'ready' ? <Timeline replay={replay} versions={versions} /> : null}
    </div>,
    document.body,
  )
}
