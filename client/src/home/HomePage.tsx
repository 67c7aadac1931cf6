import { MAX_BOARD_TITLE_CHARS } from '@flowmap/shared'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { boardPath } from '../app/routes.ts'
import { readShareToken } from '../app/share-token.ts'
import { type BoardDatabase, createBoardDatabase } from '../storage/board-database.ts'
import { withDeviceHistoryCache } from '../storage/history-cache.ts'
import { listLocalBoards } from '../storage/local-board.ts'
import { describeStorageError } from '../storage/storage-error.ts'
import { collabUrl } from '../sync/collab-url.ts'
import { BoardPreview } from './BoardPreview.tsx'
import {
  type BoardEntry,
  type DeviceBoard,
  mergeBoardEntries,
  searchByTitle,
  UNTITLED,
} from './board-entries.ts'
import { suggestBoardTitle } from './board-title-suggestion.ts'
import { DeleteBoardDialog } from './DeleteBoardDialog.tsx'
import {
  type DeletedBoard,
  deleteServerBoard,
  fetchDeletedBoards,
  restoreServerBoard,
} from './deleted-boards-api.ts'
import { removeDeviceBoard } from './device-boards.ts'
import { NewBoardDialog } from './NewBoardDialog.tsx'
import { RecentlyDeleted } from './RecentlyDeleted.tsx'
import { renameBoard } from './rename-board.ts'
import type { BoardDocSend } from './send-board-doc.ts'
import { fetchServerBoards, type ServerBoard } from './server-boards.ts'
import type { TemplateChoice } from './TemplatePicker.tsx'
import { createBoardFromTemplate } from './template-board.ts'
import { BLANK_CHOICE, useTemplateChoices } from './template-choices.ts'
import { useFileDropBoard } from './use-file-drop-board.tsx'
import './home.css'

type HomePageProps = {
  token: string | null
  navigate(path: string, options?: { replace?: boolean }): void
  /** The server's deleted-board retention (its /config.json); null until known, or when it did not say. */
  deletedBoardRetentionDays: number | null
}

function when(time: number | null): string {
  return time ? new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—'
}

/** `/`: the boards on this device (from IndexedDB, so offline too) and on the server; create, open, rename, remove, search. */
export function HomePage({ token, navigate, deletedBoardRetentionDays }: HomePageProps) {
  const [db] = useState<BoardDatabase | null>(() => {
    try {
      return createBoardDatabase()
    } catch {
      return null
    }
  })
  const [device, setDevice] = useState<DeviceBoard[]>([])
  const [server, setServer] = useState<ServerBoard[]>([])
  const [serverNote, setServerNote] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(
    db ? null : 'This browser has no storage for boards (IndexedDB).',
  )
  const [notice, setNotice] = useState<string | null>(null)
  const [deleted, setDeleted] = useState<DeletedBoard[]>([])
  const [deleting, setDeleting] = useState<BoardEntry | null>(null)
  // Renames under way: closed when the page goes (the board page opens its own connection then).
  const sends = useRef(new Set<BoardDocSend>())
  // Local mode (no token) makes everyone a facilitator; a link says its role. The server decides anyway.
  const role = token === null ? 'facilitator' : readShareToken(token)?.role
  const facilitates = role === 'facilitator'
  // A viewer's link is read-only; the server would refuse the rename anyway.
  const mayRename = role !== 'viewer'
  const [query, setQuery] = useState('')
  const [newTitle, setNewTitle] = useState('')
  const [creating, setCreating] = useState(false)
  const searchId = useId()
  const titleId = useId()

  const reloadDevice = useCallback(async () => {
    if (!db) return
    try {
      setDevice(await listLocalBoards(db))
    } catch (error) {
      setProblem(describeStorageError(error))
    }
  }, [db])

  const reloadServer = useCallback(async () => {
    const result = await fetchServerBoards({ token })
    if (result.ok) {
      setServer(result.boards)
      setServerNote(null)
    } else setServerNote(result.message)
  }, [token])

  const reloadDeleted = useCallback(async () => {
    if (!facilitates) return
    const result = await fetchDeletedBoards(token)
    if (result.ok) setDeleted(result.value)
  }, [facilitates, token])

  useEffect(() => {
    document.title = 'Your boards · Flowmap'
    void reloadDevice()
    void reloadServer()
    void reloadDeleted()
    // Coming back online, the server's boards join the list.
    const onOnline = () => {
      void reloadServer()
      void reloadDeleted()
    }
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [reloadDevice, reloadServer, reloadDeleted])

  useEffect(() => () => db?.close(), [db])
  useEffect(() => {
    const open = sends.current
    return () => {
      for (const send of open) send.cancel()
    }
  }, [])

  const rename = async (entry: BoardEntry, title: string) => {
    const result = await renameBoard({
      db,
      boardId: entry.id,
      title,
      onDevice: entry.onDevice,
      token,
      collabUrl: collabUrl(window.location),
      track: (send) => {
        sends.current.add(send)
        void send.done.then(() => sends.current.delete(send))
      },
    })
    if (result.shared) setNotice(null)
    else if (result.keptOnDevice) {
      setNotice(
        `"${title}" is renamed on this device; everyone sees it once this device reaches the server (${result.reason}).`,
      )
    } else setProblem(`Could not rename "${entry.title || UNTITLED}": ${result.reason}.`)
    await Promise.all([reloadDevice(), reloadServer()])
  }

  const deleteBoard = async (entry: BoardEntry) => {
    setDeleting(null)
    const result = await deleteServerBoard(entry.id, token)
    if (!result.ok) {
      setProblem(`Could not delete "${entry.title || UNTITLED}": ${result.message}.`)
      return
    }
    // The server keeps it for the restore window; a copy here could no longer sync.
    if (db && entry.onDevice) await withDeviceHistoryCache((cache) => removeDeviceBoard(db, entry.id, cache))
    await Promise.all([reloadDevice(), reloadServer(), reloadDeleted()])
  }

  const restore = async (board: DeletedBoard) => {
    const result = await restoreServerBoard(board.id, token)
    if (!result.ok) setProblem(`Could not restore "${board.title || board.id}": ${result.message}.`)
    await Promise.all([reloadServer(), reloadDeleted()])
  }

  const entries = useMemo(
    () => searchByTitle(mergeBoardEntries(device, server), query),
    [device, server, query],
  )

  const [naming, setNaming] = useState(false)
  // Saved templates are copies of boards: the server lists them to those who may create boards.
  const templates = useTemplateChoices(token, facilitates)
  const fileDrop = useFileDropBoard({ db, token, navigate })
  const create = async (title: string, choice: TemplateChoice | null = null) => {
    setNaming(false)
    setCreating(true)
    // Made on this device (no server), the name goes into its doc here, as the server would write it.
    const created = await createBoardFromTemplate({
      db,
      token,
      title,
      template: choice?.template ?? null,
    }).catch((error) => {
      setProblem(describeStorageError(error))
      return null
    })
    if (created) navigate(boardPath(created.boardId, token))
    else setCreating(false)
  }

  return (
    <div className="flowmap-home" data-testid="home-page" {...fileDrop.targetProps}>
      <header className="flowmap-home__header">
        <span className="flowmap-home__brand">Flowmap</span>
        <h1>Your boards</h1>
      </header>
      <main className="flowmap-home__main">
        <form
          className="flowmap-home__create"
          onSubmit={(event) => {
            event.preventDefault()
            const title = newTitle.trim()
            // No name typed: ask for one, suggesting the next free "Untitled board N".
            if (title) void create(title)
            else setNaming(true)
          }}
        >
          <label htmlFor={titleId}>New board</label>
          <input
            id={titleId}
            data-testid="home-new-title"
            placeholder="Title (optional)"
            value={newTitle}
            maxLength={MAX_BOARD_TITLE_CHARS}
            onChange={(event) => setNewTitle(event.currentTarget.value)}
          />
          <button
            type="submit"
            className="flowmap-button flowmap-button--primary"
            disabled={creating}
            data-testid="home-create"
          >
            {creating ? 'Creating…' : 'Create board'}
          </button>
          <button
            type="button"
            className="flowmap-button"
            disabled={creating}
            data-testid="home-from-template"
            onClick={() => setNaming(true)}
          >
            From a template…
          </button>
        </form>
        <div className="flowmap-home__search">
          <label htmlFor={searchId}>Search by title</label>
          <input
            id={searchId}
            type="search"
            data-testid="home-search"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
        {problem && (
          <p className="flowmap-home__problem" role="alert">
            {problem}
          </p>
        )}
        {fileDrop.view}
        {notice && (
          <p className="flowmap-home__note" role="status" data-testid="home-notice">
            {notice}
          </p>
        )}
        {serverNote && (
          <p className="flowmap-home__note" role="status" data-testid="home-server-note">
            {serverNote}
          </p>
        )}
        {entries.length === 0 ? (
          <p className="flowmap-home__empty">
            {query ? 'No board has that in its title.' : 'No boards yet: create one above.'}
          </p>
        ) : (
          <ul className="flowmap-home__list" aria-label="Boards" data-testid="home-boards">
            {entries.map((entry) => (
              <BoardCard
                key={entry.id}
                entry={entry}
                db={db}
                token={token}
                navigate={navigate}
                onChanged={reloadDevice}
                onProblem={setProblem}
                {...(mayRename ? { onRename: rename } : {})}
                {...(facilitates && entry.onServer ? { onDelete: () => setDeleting(entry) } : {})}
              />
            ))}
          </ul>
        )}
        <RecentlyDeleted boards={deleted} onRestore={(board) => void restore(board)} />
      </main>
      {naming && (
        <NewBoardDialog
          suggestion={
            newTitle.trim() || suggestBoardTitle([...device, ...server].map((board) => board.title))
          }
          choices={templates.choices}
          initialChoice={BLANK_CHOICE}
          note={templates.note}
          onCreate={(title, choice) => void create(title, choice)}
          onCancel={() => setNaming(false)}
        />
      )}
      {deleting && (
        <DeleteBoardDialog
          title={deleting.title || UNTITLED}
          retentionDays={deletedBoardRetentionDays}
          onConfirm={() => void deleteBoard(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  )
}

function BoardCard({
  entry,
  db,
  token,
  navigate,
  onChanged,
  onProblem,
  onRename,
  onDelete,
}: {
  entry: BoardEntry
  db: BoardDatabase | null
  token: string | null
  navigate: HomePageProps['navigate']
  onChanged(): Promise<void>
  onProblem(message: string): void
  /** Absent for a viewer's link. */
  onRename?(entry: BoardEntry, title: string): Promise<void>
  /** Present for a facilitator, on a board the server holds. */
  onDelete?(): void
}) {
  const [draft, setDraft] = useState<string | null>(null)
  const path = boardPath(entry.id, token)
  const title = entry.title || UNTITLED

  const rename = async () => {
    const next = draft?.trim()
    setDraft(null)
    if (!onRename || !next || next === entry.title) return
    try {
      await onRename(entry, next)
    } catch (error) {
      onProblem(`Could not rename "${title}": ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  const remove = async () => {
    if (!db) return
    const unsynced = entry.lastChanged === null
    const question = unsynced
      ? `"${title}" has never reached the server: removing it from this device deletes it for good. Remove it?`
      : `Remove "${title}" from this device? It stays on the server.`
    if (!window.confirm(question)) return
    await withDeviceHistoryCache((cache) => removeDeviceBoard(db, entry.id, cache))
    await onChanged()
  }

  return (
    <li className="flowmap-home__card" data-testid="home-board" data-board-id={entry.id}>
      <a
        href={path}
        className="flowmap-home__open"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
          event.preventDefault()
          navigate(path)
        }}
      >
        <BoardPreview db={db} boardId={entry.id} onDevice={entry.onDevice} token={token} />
        {draft === null && <span className="flowmap-home__title">{title}</span>}
      </a>
      {draft !== null && (
        <input
          className="flowmap-home__rename"
          aria-label={`New title for ${title}`}
          value={draft}
          // biome-ignore lint/a11y/noAutofocus: the input appears because the person asked to rename
          autoFocus
          maxLength={MAX_BOARD_TITLE_CHARS}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={() => void rename()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void rename()
            if (event.key === 'Escape') setDraft(null)
          }}
        />
      )}
      <dl className="flowmap-home__facts">
        <dt>Last opened</dt>
        <dd>{when(entry.lastOpened)}</dd>
        <dt>Last changed</dt>
        <dd>{entry.lastChanged ? when(entry.lastChanged) : 'not on the server yet'}</dd>
      </dl>
      <div className="flowmap-home__where">
        {entry.onDevice && <span className="flowmap-home__badge">On this device</span>}
        {entry.onServer && (
          <span className="flowmap-home__badge flowmap-home__badge--server">On the server</span>
        )}
      </div>
      <div className="flowmap-home__actions">
        {onRename && (
          <button
            type="button"
            className="flowmap-button"
            onClick={() => setDraft(entry.title)}
            aria-label={`Rename ${title}`}
          >
            Rename
          </button>
        )}
        {entry.onDevice && (
          <button
            type="button"
            className="flowmap-button"
            onClick={() => void remove()}
            aria-label={`Remove ${title} from this device`}
          >
            Remove from device
          </button>
        )}
        {onDelete && (
          <button
            type="button"
            className="flowmap-button flowmap-button--danger"
            onClick={onDelete}
            aria-label={`Delete ${title} from the server`}
          >
            Delete…
          </button>
        )}
      </div>
    </li>
  )
}
