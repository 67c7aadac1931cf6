/**
 * Private mode on this page (schema/workshop/private-mode.ts). While a session is on, every sticky note
 * the person creates is marked as a draft of that session (private-draft-marker.ts): the store binding
 * never writes it into the doc, and it is saved in this device's own Dexie table (storage/
 * private-drafts.ts), so it survives a reload or a closed laptop and is seen by no one else.
 *
 * When the workshop map says the session has ended, the page reveals that session's drafts, however
 * long after (a page that was offline reveals when it is back):
 * 1. attributed: the drafts are replaced by ordinary notes through the editor, so the binding writes
 *    them as this person's change and history names them;
 * 2. anonymous: the drafts go to the server in `private-reveal` messages, which writes them as nobody's;
 *    each draft is dropped here once the server's answer names it as on the board.
 * A revealed note takes the draft's `revealId`, never its draft id (which this page's presence may have
 * shown in a selection), so an anonymous note cannot be traced back to the page that wrote it.
 */
import {
  encodePrivateRevealMessages,
  PRIVATE_REVEAL_ANSWER_TYPE,
  type PrivateMode,
  parseStatelessMessage,
} from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { createShapeId, type Editor, type TLRecord, type TLShape } from 'tldraw'
import {
  draftsOfBoard,
  forgetDrafts,
  type PrivateDraftDatabase,
  type PrivateDraftRow,
  saveDraft,
} from '../storage/private-drafts.ts'
import { PRIVATE_DRAFT_META_KEY, privateDraftSession } from './private-draft-marker.ts'

export interface PrivateDraftsOptions {
  editor: Editor
  boardId: string
  db: PrivateDraftDatabase
  /** the current private mode, read when a note is created and when the page decides to reveal */
  mode(): PrivateMode | null
  /** the connection anonymous reveals go through; null while there is none */
  provider(): HocuspocusProvider | null
  /** the server refused an anonymous reveal (its reason), or null once one went through */
  onRevealProblem(reason: string | null): void
}

export interface PrivateDrafts {
  /** Call when the private mode or the connection changed: reveals what is due. */
  revealDue(): void
  dispose(): void
}

export function registerPrivateDrafts(options: PrivateDraftsOptions): PrivateDrafts {
  const { editor, boardId, db } = options
  let disposed = false
  let anonymousInFlight = false
  const revealIds = new Map<string, string>()

  const stopMarking = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    const mode = options.mode()
    if (source !== 'user' || shape.type !== 'note' || mode?.state !== 'on') return shape
    return { ...shape, meta: { ...shape.meta, [PRIVATE_DRAFT_META_KEY]: mode.since } }
  })

  // Only the person's own edits are saved or forgotten here: a draft restored from Dexie, or one a
  // refusal reset took out of the store, is still a draft.
  const stopSaving = editor.store.listen(
    ({ changes }) => {
      for (const record of [
        ...Object.values(changes.added),
        ...Object.values(changes.updated).map(([, to]) => to),
      ]) {
        const session = record.typeName === 'shape' ? privateDraftSession(record) : null
        if (session === null) continue
        const revealId = revealIds.get(record.id) ?? createShapeId()
        revealIds.set(record.id, revealId)
        void saveDraft(db, { id: record.id, boardId, session, revealId, record })
      }
      const removed = Object.values(changes.removed).filter((record) => privateDraftSession(record) !== null)
      if (removed.length > 0)
        void forgetDrafts(
          db,
          removed.map((record) => record.id),
        )
    },
    { source: 'user', scope: 'document' },
  )

  const onStateless = ({ payload }: { payload: string }) => {
    const parsed = parseStatelessMessage(payload)
    if (!parsed.ok || parsed.message.type !== PRIVATE_REVEAL_ANSWER_TYPE) return
    anonymousInFlight = false
    const { accepted, refused } = parsed.message
    options.onRevealProblem(refused)
    if (accepted.length > 0) void dropRevealed(new Set(accepted))
  }
  let listeningTo: HocuspocusProvider | null = null
  const listen = () => {
    const provider = options.provider()
    if (provider === listeningTo) return
    listeningTo?.off('stateless', onStateless)
    listeningTo?.off('synced', revealDue)
    listeningTo = provider
    anonymousInFlight = false
    provider?.on('stateless', onStateless)
    provider?.on('synced', revealDue)
  }

  async function dropRevealed(revealed: ReadonlySet<string>): Promise<void> {
    const rows = (await draftsOfBoard(db, boardId)).filter((row) => revealed.has(row.revealId))
    if (disposed || rows.length === 0) return
    removeFromPage(rows.map((row) => row.id))
    await forgetDrafts(
      db,
      rows.map((row) => row.id),
    )
  }

  function removeFromPage(ids: string[]): void {
    const present = ids.filter((id) => editor.store.has(id as TLShape['id'])) as TLShape['id'][]
    if (present.length > 0) editor.run(() => editor.deleteShapes(present), { history: 'ignore' })
  }

  async function restore(): Promise<void> {
    const rows = await draftsOfBoard(db, boardId)
    if (disposed) return
    for (const row of rows) revealIds.set(row.id, row.revealId)
    const onPage = rows
      .map((row) => row.record as TLShape)
      .filter((record) => !editor.store.has(record.id) && editor.store.has(record.parentId as never))
    if (onPage.length > 0) editor.store.mergeRemoteChanges(() => editor.store.put(onPage))
    revealDue()
  }

  function revealDue(): void {
    listen()
    void reveal()
  }

  async function reveal(): Promise<void> {
    const mode = options.mode()
    if (disposed || mode?.state !== 'ended') return
    const due = (await draftsOfBoard(db, boardId)).filter((row) => row.session === mode.since)
    if (disposed || due.length === 0) return
    if (!mode.anonymous) {
      revealAsAuthor(due)
      await forgetDrafts(
        db,
        due.map((row) => row.id),
      )
      return
    }
    const provider = options.provider()
    if (anonymousInFlight || provider === null || !provider.synced) return
    anonymousInFlight = true
    // The board's doc may not hold the notes' page yet (no one has edited it): it goes with them, and
    // the server writes it only then.
    const pageRecords = [...new Set(due.map((row) => (row.record as TLShape).parentId))].flatMap((id) => {
      const page = editor.store.get(id as TLRecord['id'])
      return page?.typeName === 'page' ? [page] : []
    })
    for (const message of encodePrivateRevealMessages(mode.since, pageRecords, due.map(anonymousNote))) {
      provider.sendStateless(message)
    }
  }

  function revealAsAuthor(rows: PrivateDraftRow[]): void {
    const notes = rows.map((row) => {
      const record = row.record as TLShape
      const { [PRIVATE_DRAFT_META_KEY]: _session, ...meta } = record.meta
      return { ...record, id: row.revealId as TLShape['id'], meta }
    })
    editor.run(
      () => {
        removeFromPage(rows.map((row) => row.id))
        editor.createShapes(notes.filter((note) => !editor.store.has(note.id)))
      },
      { history: 'ignore' },
    )
  }

  void restore()
  return {
    revealDue,
    dispose() {
      disposed = true
      stopMarking()
      stopSaving()
      listeningTo?.off('stateless', onStateless)
      listeningTo?.off('synced', revealDue)
    },
  }
}

/** What the server gets of a draft: the note alone, under its reveal id, with nobody's name on it. */
function anonymousNote(row: PrivateDraftRow): unknown {
  const record = row.record as TLShape & { props: Record<string, unknown> }
  return { ...record, id: row.revealId, meta: {}, props: { ...record.props, textLastEditedBy: null } }
}
