import {
  type BoardRole,
  boardLockField,
  MAX_IMPORT_BYTES,
  type Role,
  readBoardExportBody,
  readBoardImportBody,
  readCreatedBoardFromFileBody,
  readRecords,
  readRoles,
  writeRecords,
  writeRole,
  writeWorkshopField,
} from '@flowmap/shared'
import { approvalRoles, cleanApprovalMap, pageRecord } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import { StorageWriteError } from '../storage/storage-error.ts'
import { postAnnouncingSize, requestJson } from '../testing/http-client.ts'
import { exportText, postFile } from '../testing/import-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { unplacedFlowchart } from '../testing/unplaced-flowchart.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })

function token(board: string, role: BoardRole, name = `Ada the ${role}`): Promise<string> {
  return testToken({ sub: `u-${role}`, name, board, role })
}

const page = pageRecord()

/** A board holding the approval map, written over a real socket by a facilitator; answers its id. */
async function approvalBoard(title: string): Promise<string> {
  const facilitator = await token('*', 'facilitator')
  const created = await requestJson(`${server.url}/api/boards`, {
    method: 'POST',
    token: facilitator,
    body: { title },
  })
  const id = (created.body as { id: string }).id
  const writer = server.connect(id, { token: facilitator })
  await writer.synced
  for (const role of approvalRoles) writeRole(writer.doc, role)
  writeRecords(writer.doc, [page, ...cleanApprovalMap()])
  await writer.acknowledged()
  server.end(writer)
  return id
}

async function emptyBoard(title: string): Promise<string> {
  const created = await requestJson(`${server.url}/api/boards`, {
    method: 'POST',
    token: await token('*', 'facilitator'),
    body: { title },
  })
  return (created.body as { id: string }).id
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id))

async function historyLength(boardId: string): Promise<number> {
  return server.storage.lastSeq(boardId)
}

describe('POST /api/boards with a file', () => {
  it('a JSON export imported as a new board round trips every record and role, titled by the file', async () => {
    const source = await approvalBoard('Contract approval')
    const text = await exportText(server.url, source, await token(source, 'viewer'))
    const facilitator = await token('*', 'facilitator')
    const created = await postFile(`${server.url}/api/boards?name=contract.json`, text, {
      token: facilitator,
    })
    expect(created.status).toBe(201)
    const read = readCreatedBoardFromFileBody(created.body)
    if (!read.ok) throw new Error(read.reason)
    expect(read.body.title).toBe('Contract approval')
    expect(read.body.report.format).toBe('json')
    expect(read.body.sentences).toContain('3 steps became steps')
    // The board as created, then the file's content: two entries, both the creator's.
    expect(
      (await server.storage.readHistory(read.body.id, { afterSeq: 0, limit: 10 })).map((e) => e.userName),
    ).toEqual(['Ada the facilitator', 'Ada the facilitator'])

    const copy = readBoardExportBody(JSON.parse(await exportText(server.url, read.body.id, facilitator)))
    const original = readBoardExportBody(JSON.parse(text))
    if (!copy.ok || !original.ok) throw new Error('unreadable export')
    expect(byId(copy.body.records)).toEqual(byId(original.body.records))
    expect(byId(copy.body.roles)).toEqual(byId(original.body.roles))
    expect(copy.body.board.title).toBe('Contract approval')
  })

  it('a file with no title names the board after the file; a refused file makes no board', async () => {
    const facilitator = await token('*', 'facilitator')
    const text = JSON.stringify({
      format: 'flowmap-board',
      version: 1,
      board: { title: '', schema: null },
      roles: [],
      records: cleanApprovalMap(),
    })
    const named = await postFile(`${server.url}/api/boards?name=Q3%20intake.json`, text, {
      token: facilitator,
    })
    expect(named.status).toBe(201)
    expect((named.body as { title: string }).title).toBe('Q3 intake')

    const boardsBefore = (await server.storage.listBoards()).length
    const garbage = await postFile(`${server.url}/api/boards`, 'just some words', {
      token: facilitator,
      contentType: 'text/plain',
    })
    expect(garbage).toMatchObject({
      status: 400,
      body: {
        error: 'invalid-file',
        message: 'the file is not BPMN 2.0 XML, a Mermaid flowchart or a Flowmap JSON export',
      },
    })
    expect(await server.storage.listBoards()).toHaveLength(boardsBefore)
  })

  it('needs the same access as creating a board: a board editor is refused 403', async () => {
    const text = await exportText(server.url, await approvalBoard('Any'), await token('*', 'facilitator'))
    const refused = await postFile(`${server.url}/api/boards?format=json`, text, {
      token: await token('some-board', 'editor'),
    })
    expect(refused.status).toBe(403)
  })
})

describe('POST /api/boards/:id/import', () => {
  it("reaches a connected client live, beside what the board holds, as one history entry in the importer's name", async () => {
    const source = await approvalBoard('Source')
    const text = await exportText(server.url, source, await token(source, 'viewer'))
    const target = await approvalBoard('Target')
    const watcher = server.connect(target, { token: await token(target, 'viewer') })
    await watcher.synced
    const before = readRecords(watcher.doc).length
    const seqBefore = await historyLength(target)

    const editor = await token(target, 'editor', 'Eve Editor')
    const answer = await postFile(`${server.url}/api/boards/${target}/import?format=json`, text, {
      token: editor,
    })
    expect(answer.status).toBe(200)
    const read = readBoardImportBody(answer.body)
    if (!read.ok) throw new Error(read.reason)
    expect(read.body.report.elementCount).toBe(1 + cleanApprovalMap().length + approvalRoles.length)
    expect(read.body.sentences).toContain(
      '1 record (pages, the document, assets) stayed behind: the board has its own',
    )

    // Placed with fresh ids, so the board now holds both copies; the roles match by name, so none is added.
    const shapesAndBindings = cleanApprovalMap().length
    await vi.waitFor(() => expect(readRecords(watcher.doc)).toHaveLength(before + shapesAndBindings))
    const labels = readRecords(watcher.doc)
      .filter((record) => record.typeName === 'shape' && record.type === 'step')
      .map((record) => (record.props as { label: string }).label)
      .sort()
    expect(labels).toEqual(['Intake', 'Intake', 'Reject', 'Reject', 'Sign', 'Sign'])
    expect(byId(readRoles(watcher.doc) as Role[])).toEqual(byId(approvalRoles))
    // Beside the board's map, not on top of it: every new top-level shape lies right of the old ones.
    const originalIds = new Set(cleanApprovalMap().map((record) => record.id as string))
    const topLevel = readRecords(watcher.doc).filter(
      (record) => record.typeName === 'shape' && record.parentId === 'page:page' && record.type !== 'arrow',
    ) as { id: string; x: number; props: { w: number } }[]
    const oldRight = Math.max(...topLevel.filter((s) => originalIds.has(s.id)).map((s) => s.x + s.props.w))
    const newLeft = Math.min(...topLevel.filter((s) => !originalIds.has(s.id)).map((s) => s.x))
    expect(newLeft).toBeGreaterThan(oldRight)

    const entries = await server.storage.readHistory(target, { afterSeq: seqBefore, limit: 10 })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ userId: 'u-editor', userName: 'Eve Editor' })
  })

  it('a board nobody has open is loaded for the import, and the content is there for whoever opens it next', async () => {
    const target = await emptyBoard('Closed')
    const text = await exportText(server.url, await approvalBoard('Src'), await token('*', 'facilitator'))
    const seqBefore = await historyLength(target)
    const answer = await postFile(`${server.url}/api/boards/${target}/import`, text, {
      token: await token(target, 'editor'),
    })
    expect(answer.status).toBe(200)
    expect(server.server.hocuspocus.documents.has(target)).toBe(false)
    expect(await historyLength(target)).toBe(seqBefore + 1)
    const reader = server.connect(target, { token: await token(target, 'viewer') })
    await reader.synced
    expect(readRecords(reader.doc)).toHaveLength(cleanApprovalMap().length)
    expect(
      readRoles(reader.doc)
        .map((role) => role.name)
        .sort(),
    ).toEqual(['Legal', 'Triage bot'])
  })

  it('an import the storage cannot write is 503 and never reaches a connected client: durable before broadcast', async () => {
    const target = await emptyBoard('Full disk')
    const text = await exportText(server.url, await approvalBoard('Src'), await token('*', 'facilitator'))
    const watcher = server.connect(target, { token: await token(target, 'viewer') })
    await watcher.synced
    const seqBefore = await historyLength(target)
    // Every history append is a storage transaction (with the client-ID claims it makes).
    const failing = vi
      .spyOn(server.storage, 'transaction')
      .mockRejectedValueOnce(
        new StorageWriteError('append', 'disk-full', 'the disk holding the database is full'),
      )
    const refused = await postFile(`${server.url}/api/boards/${target}/import`, text, {
      token: await token(target, 'editor'),
    })
    failing.mockRestore()
    expect(refused).toMatchObject({
      status: 503,
      body: {
        error: 'storage-unavailable',
        message: 'the server could not store the imported file; nothing was written, try again',
      },
    })
    expect(await historyLength(target)).toBe(seqBefore)
    // A later edit reaches the watcher; the refused import, which would have come before it, did not.
    const editor = server.connect(target, { token: await token(target, 'editor') })
    await editor.synced
    writeRecords(editor.doc, [page])
    await vi.waitFor(() => expect(readRecords(watcher.doc)).toHaveLength(1))
    expect(readRecords(watcher.doc)).toEqual([page])
    // And the board takes the same file once storage works again.
    const retried = await postFile(`${server.url}/api/boards/${target}/import`, text, {
      token: await token(target, 'editor'),
    })
    expect(retried.status).toBe(200)
    await vi.waitFor(() => expect(readRecords(watcher.doc)).toHaveLength(1 + cleanApprovalMap().length))
  })

  it('a viewer is refused 403 and nothing is written', async () => {
    const target = await emptyBoard('Viewed')
    const seqBefore = await historyLength(target)
    const text = await exportText(server.url, await approvalBoard('Src'), await token('*', 'facilitator'))
    const refused = await postFile(`${server.url}/api/boards/${target}/import`, text, {
      token: await token(target, 'viewer'),
    })
    expect(refused).toMatchObject({ status: 403 })
    expect((refused.body as { message: string }).message).toContain('editor or facilitator')
    expect(await historyLength(target)).toBe(seqBefore)
  })

  it("is judged as the importer's edit: an editor's import into a locked board is refused and writes nothing", async () => {
    const target = await emptyBoard('Locked')
    const facilitator = server.connect(target, { token: await token(target, 'facilitator', 'Fay') })
    await facilitator.synced
    writeWorkshopField(facilitator.doc, boardLockField, { by: 'u-facilitator', name: 'Fay', at: 1 })
    await facilitator.acknowledged()
    const seqBefore = await historyLength(target)
    const text = await exportText(server.url, await approvalBoard('Src'), await token('*', 'facilitator'))
    const refused = await postFile(`${server.url}/api/boards/${target}/import`, text, {
      token: await token(target, 'editor'),
    })
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: 'not-permitted' })
    expect((refused.body as { message: string }).message).toBe(
      'the file was not imported: the board is locked by Fay: only facilitators can edit until it is unlocked',
    )
    expect(await historyLength(target)).toBe(seqBefore)
    expect(readRecords(facilitator.doc)).toHaveLength(0)
  })

  it('a file that is not an import file, or not a Flowmap export, is 400 with the sentence and writes nothing', async () => {
    const target = await emptyBoard('Untouched')
    const editor = await token(target, 'editor')
    const seqBefore = await historyLength(target)
    const garbage = await postFile(`${server.url}/api/boards/${target}/import`, '\u0000\u0001 binary?', {
      token: editor,
    })
    expect(garbage).toMatchObject({
      status: 400,
      body: {
        error: 'invalid-file',
        message: 'the file is not BPMN 2.0 XML, a Mermaid flowchart or a Flowmap JSON export',
      },
    })
    const notExport = await postFile(
      `${server.url}/api/boards/${target}/import?format=json`,
      '{"nodes": []}',
      {
        token: editor,
      },
    )
    expect(notExport.status).toBe(400)
    expect((notExport.body as { message: string }).message).toBe(
      'the file is JSON but not a Flowmap board export: it has no "format", where an export has "format": "flowmap-board"',
    )
    const truncated = await postFile(
      `${server.url}/api/boards/${target}/import?name=b.json`,
      '{"format": "flowm',
      {
        token: editor,
      },
    )
    expect((truncated.body as { message: string }).message).toMatch(/^the file is not JSON \(/)
    const empty = await postFile(`${server.url}/api/boards/${target}/import`, '', { token: editor })
    expect(empty).toMatchObject({ status: 400, body: { error: 'no-file' } })
    const unknown = await postFile(`${server.url}/api/boards/${target}/import?format=visio`, 'x', {
      token: editor,
    })
    expect(unknown).toMatchObject({ status: 400, body: { error: 'unknown-format' } })
    expect(await historyLength(target)).toBe(seqBefore)
  })

  it('a body larger than the import limit is refused 413, naming the limit, before it is read', async () => {
    const target = await emptyBoard('Too big')
    const editor = await token(target, 'editor')
    const seqBefore = await historyLength(target)
    // Headers that announce one byte over the limit, and no body: the answer comes without waiting for it.
    const answer = await postAnnouncingSize(
      `${server.url}/api/boards/${target}/import`,
      editor,
      MAX_IMPORT_BYTES + 1,
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      error: 'file-too-large',
      message: `the file is ${MAX_IMPORT_BYTES + 1} bytes; an import takes at most 16 MB (${MAX_IMPORT_BYTES} bytes)`,
    })
    expect(await historyLength(target)).toBe(seqBefore)
  })

  it("a person's second file while the first is still being laid out is 429; the first lands", async () => {
    const target = await emptyBoard('Two at once')
    const editor = await token(target, 'editor')
    const seqBefore = await historyLength(target)
    const url = `${server.url}/api/boards/${target}/import?format=mermaid`
    // The second is sent once the first is on the import worker (sent together, either could arrive
    // first); the first takes a second or more to lay out, so it is still there when the second comes.
    const firstAnswer = postFile(url, unplacedFlowchart(900), { token: editor })
    await vi.waitFor(() => expect(server.server.importConverter.isBusyFor('u-editor')).toBe(true), {
      timeout: 20_000,
      interval: 5,
    })
    const second = await postFile(url, unplacedFlowchart(3), { token: editor })
    const first = await firstAnswer
    expect(first.status).toBe(200)
    expect(second).toMatchObject({
      status: 429,
      body: {
        error: 'import-busy',
        message: 'another file of yours is still being imported; try again when it is done',
      },
    })
    expect(await historyLength(target)).toBe(seqBefore + 1)
  })
})
