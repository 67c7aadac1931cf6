// @vitest-environment happy-dom
import { type MapContent, type Role, readRecord, readRoles, writeRole } from '@flowmap/shared'
import { connector, workflowShape } from '@flowmap/shared/testing'
import type { TLShapeId } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { type BoundEditor, boundWorkflowEditor } from '../sync/bound-editor.test-support.ts'
import { RECORDS_CHECKED_PER_FRAME, writeImportIntoBoard } from './write-import.ts'

const boards: BoundEditor[] = []
afterEach(() => {
  for (const board of boards.splice(0)) board.dispose()
})

function board(): BoundEditor {
  const made = boundWorkflowEditor()
  boards.push(made)
  return made
}

const sales: Role = { id: 'role-sales', name: 'Sales', color: 'blue', kind: 'team' }
const finance: Role = { id: 'role-finance', name: 'Finance', color: 'green', kind: 'team' }

/** A lane of Finance with two steps joined by a connector, as an importer builds it (placed already). */
function imported(): MapContent {
  return {
    title: 'Invoice',
    roles: [sales, finance],
    records: [
      {
        id: 'page:page',
        typeName: 'page',
        name: 'Page 1',
        index: 'a1',
        meta: {},
      } as MapContent['records'][number],
      workflowShape('lane', { id: 'lane', x: 0, y: 0, props: { w: 900, h: 220, roleId: finance.id } }),
      workflowShape('step', {
        id: 'send',
        parentId: 'shape:lane',
        x: 100,
        y: 60,
        props: { label: 'Send invoice' },
      }),
      workflowShape('step', {
        id: 'chase',
        parentId: 'shape:lane',
        x: 500,
        y: 60,
        props: { label: 'Chase' },
      }),
      ...connector({ id: 'flow', from: 'shape:send', to: 'shape:chase' }),
    ],
  }
}

describe('writing imported content into the open board', () => {
  it('is one doc update and one undo step: Ctrl+Z removes every shape and new role, redo puts them back', async () => {
    const { editor, doc, binding } = board()
    writeRole(doc, sales)
    editor.markHistoryStoppingPoint('before')
    editor.createShape({
      id: 'shape:mine' as TLShapeId,
      type: 'step',
      x: -400,
      y: 0,
      props: { label: 'Mine' },
    })
    binding.flushLocalChanges()

    const origins: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    const written = await writeImportIntoBoard(editor, doc, imported())
    binding.flushLocalChanges()
    expect(written).toMatchObject({ ok: true, newRoles: 1 })
    // One update, with a local origin: the person's own edit, sent and validated as any edit is.
    expect(origins).toEqual([expect.objectContaining({ source: 'local' })])
    expect(editor.getCurrentPageShapes()).toHaveLength(5)
    expect(readRecord(doc, 'shape:send')).toMatchObject({ parentId: 'shape:lane' })
    expect(readRecord(doc, 'binding:flow-end')).toMatchObject({ toId: 'shape:chase' })
    expect(
      readRoles(doc)
        .map((role) => role.name)
        .sort(),
    ).toEqual(['Finance', 'Sales'])

    editor.undo()
    binding.flushLocalChanges()
    expect(editor.getCurrentPageShapes().map((shape) => shape.id)).toEqual(['shape:mine'])
    expect(readRecord(doc, 'shape:lane')).toBeUndefined()
    expect(readRecord(doc, 'binding:flow-end')).toBeUndefined()
    // The board's own role stays; the one the import added goes with the same Ctrl+Z.
    expect(readRoles(doc).map((role) => role.name)).toEqual(['Sales'])

    editor.redo()
    binding.flushLocalChanges()
    expect(editor.getCurrentPageShapes()).toHaveLength(5)
    expect(
      readRoles(doc)
        .map((role) => role.name)
        .sort(),
    ).toEqual(['Finance', 'Sales'])
  })

  it('puts what sat on the file’s page on this board’s page, and writes none of the file’s page records', async () => {
    const { editor, doc } = board()
    await writeImportIntoBoard(editor, doc, imported())
    expect(readRecord(doc, 'shape:lane')).toMatchObject({ parentId: editor.getCurrentPageId() })
    expect(editor.getPages()).toHaveLength(1)
  })

  it('refuses the whole import when one record is not valid, and writes nothing', async () => {
    const { editor, doc } = board()
    const content = imported()
    const broken = workflowShape('step', { id: 'broken', props: { label: 'Bad' } })
    const records = [
      ...content.records,
      { ...broken, props: { ...broken.props, status: 42 } },
    ] as MapContent['records']
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const written = await writeImportIntoBoard(editor, doc, { ...content, records })
    expect(written.ok).toBe(false)
    if (!written.ok) expect(written.reason).toMatch(/^nothing was imported: shape:broken/)
    expect(updates).toHaveLength(0)
    expect(editor.getCurrentPageShapes()).toHaveLength(0)
    expect(readRoles(doc)).toEqual([])
  })

  it('refuses content whose ids the board already uses instead of overwriting its shapes', async () => {
    const { editor, doc } = board()
    editor.createShape({ id: 'shape:send' as TLShapeId, type: 'step', props: { label: 'Already here' } })
    const written = await writeImportIntoBoard(editor, doc, imported())
    expect(written).toEqual({ ok: false, reason: 'the board already has an element with the id shape:send' })
    expect(editor.getShape('shape:send' as TLShapeId)).toMatchObject({ props: { label: 'Already here' } })
  })

  it('reports progress while it checks thousands of records, and still writes them as one update', async () => {
    const { editor, doc, binding } = board()
    const count = RECORDS_CHECKED_PER_FRAME * 2 + 10
    const records = Array.from({ length: count }, (_, i) =>
      workflowShape('step', { id: `s${i}`, x: (i % 50) * 200, y: Math.floor(i / 50) * 120 }),
    )
    const progress: [number, number][] = []
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const written = await writeImportIntoBoard(
      editor,
      doc,
      { title: null, roles: [], records },
      (done, total) => progress.push([done, total]),
    )
    binding.flushLocalChanges()
    expect(written.ok).toBe(true)
    expect(progress).toEqual([
      [0, count],
      [RECORDS_CHECKED_PER_FRAME, count],
      [RECORDS_CHECKED_PER_FRAME * 2, count],
      [count, count],
    ])
    expect(updates).toHaveLength(1)
    expect(editor.getCurrentPageShapes()).toHaveLength(count)
  })
})
