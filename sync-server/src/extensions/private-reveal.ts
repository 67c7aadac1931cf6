/**
 * The anonymous reveal of a private brainstorm (@flowmap/shared protocol/private-reveal-messages.ts):
 * a page sends the notes it kept for a session the facilitator has ended anonymously, and the server
 * writes them as a change of nobody's (boards/server-write.ts: in history before anyone sees them), so
 * neither the doc, its history nor replay can tell who wrote which.
 *
 * A reveal is refused, with a reason the page shows, and nothing is written when: the sender may not
 * edit; the session is not the one the workshop map says has ended anonymously (still on, another
 * session, an attributed one); the sender has revealed more notes in the session than anyone writes in
 * a brainstorm; or any note is not a valid sticky note on one of the board's pages (or on a page
 * record sent with it, for a board whose doc has none yet). Notes already on
 * the board (a resend after a lost answer) count as taken and are not written twice.
 */
import {
  canEditBoard,
  encodeStatelessMessage,
  PRIVATE_REVEAL_TYPE,
  parsePrivateReveal,
  privateModeField,
  privateRevealAnswer,
  type RecordValidation,
  readBoard,
  readRecord,
  readWorkshopField,
  validateRecord,
  writeRecords,
} from '@flowmap/shared'
import type { Connection, Extension, onStatelessPayload } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { BoardShadows } from '../boards/board-shadows.ts'
import type { BoardTurns } from '../boards/board-turns.ts'
import { SERVER_WRITE_ORIGIN, writeOnServer } from '../boards/server-write.ts'
import type { Logger } from '../logger.ts'
import type { History } from './history.ts'

type BoardRecord = Extract<RecordValidation, { ok: true }>['record']

export interface PrivateRevealOptions {
  history: History
  shadows: BoardShadows
  turns: BoardTurns
  logger: Logger
  /**
   * Notes one person may reveal in one session; a brainstorm's dozens, not a flood's thousands.
   * @default 200
   */
  maxNotesPerPerson?: number
}

export function privateRevealExtension(options: PrivateRevealOptions): Extension {
  const maxPerPerson = options.maxNotesPerPerson ?? 200
  // How many notes each person has revealed per board session; in memory, as sessions are short.
  const revealed = new Map<string, number>()

  return {
    extensionName: 'flowmap-private-reveal',
    async onStateless({ connection, document, documentName, payload }: onStatelessPayload) {
      const reveal = parsePrivateReveal(payload)
      if (!reveal.ok) {
        if (reveal.type === PRIVATE_REVEAL_TYPE) answer(connection, 0, [], reveal.reason)
        return
      }
      const { session, notes } = reveal.message
      const refuse = (reason: string) => {
        options.logger.info({ event: 'private-reveal', board: documentName, reason }, 'reveal refused')
        answer(connection, session, [], reason)
      }
      const user = (connection.context as FlowmapContext).user
      if (!canEditBoard(user.role)) return refuse(`a ${user.role}'s link cannot add notes to this board`)
      const mode = readWorkshopField(document, privateModeField)
      if (mode === null || mode.since !== session) {
        return refuse(
          'this private brainstorm is not the one the facilitator ended; its notes stay on your device',
        )
      }
      if (mode.state === 'on') {
        return refuse(
          'private mode is still on: your notes stay on your device until the facilitator ends it',
        )
      }
      if (!mode.anonymous) {
        return refuse(
          'this brainstorm reveals notes with their authors: your page adds them to the board itself',
        )
      }
      const countKey = `${documentName}\n${session}\n${user.id}`
      const before = revealed.get(countKey) ?? 0
      if (before + notes.length > maxPerPerson) {
        return refuse(`one person may reveal at most ${maxPerPerson} notes in a brainstorm`)
      }

      const schema = readBoard(document).schema
      const checkedRecords: BoardRecord[] = []
      for (const note of notes) {
        const checked = validateRecord(note, { schema })
        if (!checked.ok) return refuse(`a note was refused: ${checked.error.message}`)
        checkedRecords.push(checked.record)
      }
      // A board nobody has edited yet has no page record in its doc (a page writes it with its first
      // edit, and drafts are none): the page the notes sit on may come with them, and is written only
      // when the board lacks it.
      const pagesSent = new Map<string, BoardRecord>()
      for (const record of checkedRecords) if (record.typeName === 'page') pagesSent.set(record.id, record)
      const isPage = (id: string) => readRecord(document, id)?.typeName === 'page' || pagesSent.has(id)
      const fresh: BoardRecord[] = []
      const accepted: string[] = []
      for (const record of checkedRecords) {
        if (record.typeName === 'page') continue
        if (record.typeName !== 'shape' || record.type !== 'note') {
          return refuse(`only sticky notes are revealed, got ${record.typeName} ${record.id}`)
        }
        if (!isPage(record.parentId)) return refuse(`note ${record.id} is not on one of this board's pages`)
        accepted.push(record.id)
        // Anonymous means nothing but the note itself: the page's meta and tldraw's "last edited by"
        // (a user id) are dropped.
        if (readRecord(document, record.id) === undefined) {
          fresh.push({ ...record, meta: {}, props: { ...record.props, textLastEditedBy: null } })
        }
      }
      for (const page of pagesSent.values()) {
        const used = fresh.some((record) => record.typeName === 'shape' && record.parentId === page.id)
        if (used && readRecord(document, page.id) === undefined) fresh.unshift(page)
      }
      // Counted before the write is waited for, so that a reveal sent meanwhile sees these notes taken.
      revealed.set(countKey, before + fresh.length)
      if (fresh.length > 0) {
        const { history, shadows, turns } = options
        const written = await writeOnServer(
          { history, shadows, turns, document, documentName },
          'the notes',
          (scratch) => writeRecords(scratch, fresh, SERVER_WRITE_ORIGIN),
        )
        if (!written.ok) {
          revealed.set(countKey, (revealed.get(countKey) ?? fresh.length) - fresh.length)
          return refuse(written.reason)
        }
      }
      answer(connection, session, accepted, null)
    },
  }
}

function answer(connection: Connection, session: number, accepted: string[], refused: string | null): void {
  connection.sendStateless(encodeStatelessMessage(privateRevealAnswer(session, accepted, refused)))
}
