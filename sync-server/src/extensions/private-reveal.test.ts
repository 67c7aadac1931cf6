import {
  encodePrivateReveal,
  PRIVATE_REVEAL_ANSWER_TYPE,
  type PrivateMode,
  type PrivateRevealAnswer,
  parseStatelessMessage,
  privateModeField,
  readRecord,
  writeRecords,
  writeWorkshopField,
} from '@flowmap/shared'
import { documentRecord, noteShape, pageRecord } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { BoardClient } from '../testing/board-client.ts'
import { openRawBoardSocket, type RawBoardSocket } from '../testing/raw-socket.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })

type Person = BoardClient & { answers: PrivateRevealAnswer[] }

async function join(board: string, sub: string, role: 'facilitator' | 'editor' | 'viewer'): Promise<Person> {
  const client = server.connect(board, {
    token: await testToken({ sub, name: sub.toUpperCase(), board, role }),
  })
  const answers: PrivateRevealAnswer[] = []
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const parsed = parseStatelessMessage(payload)
    if (parsed.ok && parsed.message.type === PRIVATE_REVEAL_ANSWER_TYPE) answers.push(parsed.message)
  })
  await client.synced
  return Object.assign(client, { answers })
}

async function snoop(board: string, sub: string): Promise<RawBoardSocket> {
  const socket = server.track(
    openRawBoardSocket(server.collabUrl, board, await testToken({ sub, board, role: 'editor' })),
  )
  await socket.scope
  return socket
}

/** Whether `text` appears anywhere in the bytes the socket received (UTF-8, as Yjs encodes strings). */
function received(socket: RawBoardSocket, text: string): boolean {
  const needle = Buffer.from(text, 'utf8')
  return socket.frames.some((frame) => Buffer.from(frame).includes(needle))
}

async function boardWithPage(board: string): Promise<Person> {
  const fay = await join(board, 'fay', 'facilitator')
  writeRecords(fay.doc, [documentRecord(), pageRecord()])
  await fay.acknowledged()
  return fay
}

function startPrivate(fay: Person, anonymous: boolean): PrivateMode {
  const mode: PrivateMode = { state: 'on', since: Date.now(), anonymous, by: 'fay', name: 'Fay' }
  writeWorkshopField(fay.doc, privateModeField, mode)
  return mode
}

function endPrivate(fay: Person, mode: PrivateMode): void {
  writeWorkshopField(fay.doc, privateModeField, { ...mode, state: 'ended', endedAt: Date.now() })
}

function send(person: Person, session: number, notes: unknown[]): void {
  person.provider.sendStateless(encodePrivateReveal(session, notes))
}

function historyOf(board: string) {
  return server.storage.readHistory(board, { afterSeq: 0, limit: 1000 })
}

describe('private mode on the server', () => {
  it('an anonymous reveal: refused while on (no draft text reaches anyone), written as nobody’s after the end', async () => {
    const board = 'private-anonymous'
    const fay = await boardWithPage(board)
    const ada = await join(board, 'ada', 'editor')
    const bob = await snoop(board, 'bob')
    const mode = startPrivate(fay, true)
    await fay.acknowledged()

    // A hostile or early page sends its drafts while private mode is on: refused, nothing written.
    send(ada, mode.since, [noteShape({ id: 'shape:ada-1', text: 'SECRET-ADA-one' })])
    await vi.waitFor(() => expect(ada.answers).toHaveLength(1))
    expect(ada.answers[0]).toMatchObject({
      accepted: [],
      refused: 'private mode is still on: your notes stay on your device until the facilitator ends it',
    })
    expect(readRecord(fay.doc, 'shape:ada-1')).toBeUndefined()
    expect(received(bob, 'SECRET-ADA'), 'Bob received no draft text while private mode was on').toBe(false)

    endPrivate(fay, mode)
    await fay.acknowledged()
    const seqBefore = (await historyOf(board)).at(-1)?.seq ?? 0
    send(ada, mode.since, [
      { ...noteShape({ id: 'shape:ada-1', text: 'SECRET-ADA-one' }), meta: { author: 'ada' } },
      noteShape({ id: 'shape:ada-2', text: 'SECRET-ADA-two' }),
    ])
    await vi.waitFor(() => expect(ada.answers).toHaveLength(2))
    expect(ada.answers[1]).toEqual(
      expect.objectContaining({ accepted: ['shape:ada-1', 'shape:ada-2'], refused: null }),
    )
    await vi.waitFor(() => expect(readRecord(fay.doc, 'shape:ada-2')).toBeDefined())
    expect(readRecord(fay.doc, 'shape:ada-1')?.meta).toEqual({})
    await vi.waitFor(() => expect(received(bob, 'SECRET-ADA-two')).toBe(true))

    // History holds the notes in one entry of nobody's.
    const entries = (await historyOf(board)).filter((entry) => entry.seq > seqBefore)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ userId: null, userName: null })
    const replayed = new Y.Doc()
    for (const entry of await historyOf(board)) Y.applyUpdate(replayed, entry.update)
    expect(readRecord(replayed, 'shape:ada-1')).toBeDefined()

    // A resend after a lost answer takes the same notes again without writing them twice.
    send(ada, mode.since, [noteShape({ id: 'shape:ada-1', text: 'SECRET-ADA-one' })])
    await vi.waitFor(() => expect(ada.answers).toHaveLength(3))
    expect(ada.answers[2]).toMatchObject({ accepted: ['shape:ada-1'], refused: null })
    expect((await historyOf(board)).filter((entry) => entry.seq > seqBefore)).toHaveLength(1)
  })

  it('refuses a flood, an oversized note, a non-note, another session and a viewer, clearly and writing nothing', async () => {
    const board = 'private-hostile'
    const fay = await boardWithPage(board)
    const eve = await join(board, 'eve', 'editor')
    const vic = await join(board, 'vic', 'viewer')
    const mode = startPrivate(fay, true)
    endPrivate(fay, mode)
    await fay.acknowledged()
    const seqBefore = (await historyOf(board)).at(-1)?.seq ?? 0
    const cases: { notes: unknown[]; session?: number; who?: Person; reason: RegExp }[] = [
      {
        notes: Array.from({ length: 51 }, (_, i) => noteShape({ id: `shape:flood-${i}`, text: 'x' })),
        reason: /at most 50 notes, got 51: send them in parts/,
      },
      {
        notes: [noteShape({ id: 'shape:big', text: 'y'.repeat(300_000) })],
        reason: /^a note was refused: note shape:big: /,
      },
      {
        notes: [{ ...noteShape({ id: 'shape:step', text: 'z' }), type: 'geo' }],
        reason: /^a note was refused|only sticky notes/,
      },
      {
        notes: [noteShape({ id: 'shape:elsewhere', text: 'z', parentId: 'page:nope' })],
        reason: /not on one of this board's pages/,
      },
      {
        notes: [noteShape({ id: 'shape:old', text: 'z' })],
        session: mode.since - 1,
        reason: /not the one the facilitator ended/,
      },
      {
        notes: [noteShape({ id: 'shape:vic', text: 'z' })],
        who: vic,
        reason: /a viewer's link cannot add notes/,
      },
    ]
    for (const [i, each] of cases.entries()) {
      const who = each.who ?? eve
      const before = who.answers.length
      send(who, each.session ?? mode.since, each.notes)
      await vi.waitFor(() => expect(who.answers.length, `case ${i}`).toBe(before + 1))
      expect(who.answers.at(-1)?.accepted, `case ${i}`).toEqual([])
      expect(who.answers.at(-1)?.refused, `case ${i}`).toMatch(each.reason)
    }
    // 200 per person per session: four full messages pass, the fifth is refused.
    for (let round = 0; round < 5; round++) {
      send(
        eve,
        mode.since,
        Array.from({ length: 50 }, (_, i) => noteShape({ id: `shape:many-${round}-${i}`, text: 'm' })),
      )
    }
    await vi.waitFor(() => expect(eve.answers.length).toBe(cases.length - 1 + 5), { timeout: 20_000 })
    expect(eve.answers.at(-1)?.refused).toBe('one person may reveal at most 200 notes in a brainstorm')
    expect((await historyOf(board)).filter((entry) => entry.seq > seqBefore)).toHaveLength(4)
    expect(eve.rejections).toEqual([])
  })

  it('writes the page the notes sit on when the board has none yet (nobody edited it), and only then', async () => {
    const board = 'private-no-page'
    const fay = await join(board, 'fay', 'facilitator')
    const ada = await join(board, 'ada', 'editor')
    const mode = startPrivate(fay, true)
    endPrivate(fay, mode)
    await fay.acknowledged()
    send(ada, mode.since, [
      pageRecord('page:unused' as ReturnType<typeof pageRecord>['id'], 'Unused'),
      pageRecord(),
      noteShape({ id: 'shape:first', text: 'first' }),
    ])
    await vi.waitFor(() => expect(ada.answers).toHaveLength(1))
    expect(ada.answers[0]).toMatchObject({ accepted: ['shape:first'], refused: null })
    await vi.waitFor(() => expect(readRecord(fay.doc, 'shape:first')).toBeDefined())
    expect(readRecord(fay.doc, 'page:page')).toMatchObject({ typeName: 'page' })
    expect(readRecord(fay.doc, 'page:unused')).toBeUndefined()
  })

  it('an attributed session is never revealed through the server: each page writes its own, and history names it', async () => {
    const board = 'private-attributed'
    const fay = await boardWithPage(board)
    const ada = await join(board, 'ada', 'editor')
    const mode = startPrivate(fay, false)
    endPrivate(fay, mode)
    await fay.acknowledged()
    send(ada, mode.since, [noteShape({ id: 'shape:ada-a', text: 'mine' })])
    await vi.waitFor(() => expect(ada.answers).toHaveLength(1))
    expect(ada.answers[0]?.refused).toMatch(/reveals notes with their authors/)
    writeRecords(ada.doc, [noteShape({ id: 'shape:ada-a', text: 'mine' })])
    await ada.acknowledged()
    expect((await historyOf(board)).at(-1)).toMatchObject({ userId: 'ada' })
  })
})
