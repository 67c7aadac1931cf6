// @vitest-environment happy-dom
/**
 * Undo and redo over random sequences of your own and other people's edits: undo only ever takes back
 * your own changes, redo puts them back, and nothing anyone else did changes.
 *
 * The model: your shapes' `x` and `label` follow a plain stack of your edits (an undo returns them to
 * what they were before your last edit, a redo to after it); what the other person wrote (`y` and
 * `status` on any shape, their own shapes) is always their latest value. A label they also typed into
 * is theirs too: last writer per prop, so it is left out of the exact check.
 */
import { localOrigin, patchRecord, readRecord, readRecords, remoteOrigin, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import fc from 'fast-check'
import type { TLRecord, TLShape, TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boundWorkflowEditor, syncDocs } from './bound-editor.test-support.ts'

const MINE = ['mine-0', 'mine-1', 'mine-2'] as const
const THEIRS = ['theirs-0', 'theirs-1'] as const
const ANY = [...MINE, ...THEIRS] as const
const STATUSES = ['todo', 'doing', 'done', 'blocked'] as const

type Op =
  | { kind: 'create'; id: (typeof MINE)[number]; x: number; label: string }
  | { kind: 'move'; id: (typeof MINE)[number]; x: number }
  | { kind: 'relabel'; id: (typeof MINE)[number]; label: string }
  | { kind: 'delete'; id: (typeof MINE)[number] }
  | { kind: 'select'; id: (typeof MINE)[number] }
  | { kind: 'remote-create'; id: (typeof THEIRS)[number]; y: number }
  | { kind: 'remote-move'; id: (typeof ANY)[number]; y: number }
  | { kind: 'remote-status'; id: (typeof ANY)[number]; status: (typeof STATUSES)[number] }
  | { kind: 'remote-relabel'; id: (typeof ANY)[number]; label: string }
  | { kind: 'undo' }
  | { kind: 'redo' }

const label = fc.constantFrom('Intake', 'Review', 'Approve', 'Ship', '')
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create'),
    id: fc.constantFrom(...MINE),
    x: fc.integer({ min: 0, max: 900 }),
    label,
  }),
  fc.record({ kind: fc.constant('move'), id: fc.constantFrom(...MINE), x: fc.integer({ min: 0, max: 900 }) }),
  fc.record({ kind: fc.constant('relabel'), id: fc.constantFrom(...MINE), label }),
  fc.record({ kind: fc.constant('delete'), id: fc.constantFrom(...MINE) }),
  fc.record({ kind: fc.constant('select'), id: fc.constantFrom(...MINE) }),
  fc.record({
    kind: fc.constant('remote-create'),
    id: fc.constantFrom(...THEIRS),
    y: fc.integer({ min: 0, max: 900 }),
  }),
  fc.record({
    kind: fc.constant('remote-move'),
    id: fc.constantFrom(...ANY),
    y: fc.integer({ min: 0, max: 900 }),
  }),
  fc.record({
    kind: fc.constant('remote-status'),
    id: fc.constantFrom(...ANY),
    status: fc.constantFrom(...STATUSES),
  }),
  fc.record({ kind: fc.constant('remote-relabel'), id: fc.constantFrom(...ANY), label }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
)

type Mine = ReadonlyMap<string, { x: number; label: string }>

const shapeId = (id: string) => `shape:${id}` as TLShapeId

function runSequence(ops: readonly Op[]): void {
  const board = boundWorkflowEditor()
  const { editor, binding } = board
  const theirDoc = new Y.Doc()
  const stopSync = syncDocs(board.doc, theirDoc, remoteOrigin)
  try {
    // The page and document exist on both sides before anyone edits.
    editor.createShape({ id: shapeId('seed'), type: 'step', x: -500, y: -500 })
    binding.flushLocalChanges()
    editor.clearHistory()

    let mine: Mine = new Map()
    const past: Mine[] = []
    const future: Mine[] = []
    const theirs = new Map<string, { y?: number; status?: string; exists: boolean }>()
    const labelsTheyTyped = new Set<string>()
    const edit = (next: Mine) => {
      past.push(mine)
      future.length = 0
      mine = next
    }
    const writeTheirs = (id: string, change: (record: TLShape) => TLShape) => {
      const before = readRecord(theirDoc, shapeId(id)) as TLShape | undefined
      if (!before) return false
      patchRecord(theirDoc, before.id, before as TLRecord, change(before) as TLRecord, localOrigin)
      return true
    }

    for (const op of ops) {
      switch (op.kind) {
        case 'create': {
          if (mine.has(op.id) || editor.getShape(shapeId(op.id))) break
          editor.markHistoryStoppingPoint('create')
          editor.createShape({ id: shapeId(op.id), type: 'step', x: op.x, y: 0, props: { label: op.label } })
          edit(new Map(mine).set(op.id, { x: op.x, label: op.label }))
          // A new shape under an id used before: nothing anyone did to the old one applies.
          theirs.delete(op.id)
          labelsTheyTyped.delete(op.id)
          break
        }
        case 'move': {
          const current = mine.get(op.id)
          if (!current || current.x === op.x) break
          editor.markHistoryStoppingPoint('move')
          editor.updateShape({ id: shapeId(op.id), type: 'step', x: op.x })
          edit(new Map(mine).set(op.id, { ...current, x: op.x }))
          break
        }
        case 'relabel': {
          const current = mine.get(op.id)
          const shown = editor.getShape<TLShape<'step'>>(shapeId(op.id))
          if (!current || !shown || shown.props.label === op.label) break
          editor.markHistoryStoppingPoint('relabel')
          editor.updateShape({ id: shapeId(op.id), type: 'step', props: { label: op.label } })
          edit(new Map(mine).set(op.id, { ...current, label: op.label }))
          break
        }
        case 'delete': {
          if (!mine.has(op.id)) break
          editor.markHistoryStoppingPoint('delete')
          editor.deleteShapes([shapeId(op.id)])
          const next = new Map(mine)
          next.delete(op.id)
          edit(next)
          break
        }
        case 'select': {
          // Selecting is not an edit: tldraw records it, but undo must not stop on it.
          if (!mine.has(op.id)) break
          editor.markHistoryStoppingPoint('selecting shape')
          editor.select(shapeId(op.id))
          break
        }
        case 'remote-create': {
          if (readRecord(theirDoc, shapeId(op.id))) break
          const record = workflowShape('step', {
            id: op.id,
            props: { label: 'Theirs' },
          }) as unknown as TLShape
          const parentId = editor.getCurrentPageId()
          writeRecord(theirDoc, { ...record, parentId, x: 1000, y: op.y } as TLRecord, localOrigin)
          theirs.set(op.id, { y: op.y, exists: true })
          break
        }
        case 'remote-move':
          if (writeTheirs(op.id, (r) => ({ ...r, y: op.y })))
            theirs.set(op.id, { ...theirs.get(op.id), exists: true, y: op.y })
          break
        case 'remote-status':
          if (writeTheirs(op.id, (r) => ({ ...r, props: { ...r.props, status: op.status } }) as TLShape))
            theirs.set(op.id, { ...theirs.get(op.id), exists: true, status: op.status })
          break
        case 'remote-relabel':
          if (writeTheirs(op.id, (r) => ({ ...r, props: { ...r.props, label: op.label } }) as TLShape))
            labelsTheyTyped.add(op.id)
          break
        case 'undo': {
          editor.undo()
          const previous = past.pop()
          if (previous) {
            future.push(mine)
            mine = previous
          }
          break
        }
        case 'redo': {
          editor.redo()
          const next = future.pop()
          if (next) {
            past.push(mine)
            mine = next
          }
          break
        }
        default: {
          const unexpected: never = op
          throw new Error(`unknown op ${JSON.stringify(unexpected)}`)
        }
      }
      binding.flushLocalChanges()

      // Yours: exactly the model.
      for (const id of MINE) {
        const shape = editor.getShape<TLShape<'step'>>(shapeId(id))
        const expected = mine.get(id)
        expect(shape === undefined, `${id} exists after ${op.kind}`).toBe(expected === undefined)
        if (!shape || !expected) continue
        expect(shape.x, `${id}.x after ${op.kind}`).toBe(expected.x)
        if (!labelsTheyTyped.has(id))
          expect(shape.props.label, `${id}.label after ${op.kind}`).toBe(expected.label)
      }
      // Theirs: their latest value, wherever the shape exists.
      for (const [id, fields] of theirs) {
        const shape = editor.getShape<TLShape<'step'>>(shapeId(id))
        if ((THEIRS as readonly string[]).includes(id))
          expect(shape, `their ${id} after ${op.kind}`).toBeDefined()
        if (!shape) continue
        if (fields.y !== undefined) expect(shape.y, `${id}.y after ${op.kind}`).toBe(fields.y)
        if (fields.status !== undefined)
          expect(shape.props.status, `${id}.status after ${op.kind}`).toBe(fields.status)
      }
      // Both sides hold one board, and the page shows it.
      const shapesOf = (doc: Y.Doc) =>
        readRecords(doc)
          .filter((record) => record.typeName === 'shape')
          .sort((p, q) => p.id.localeCompare(q.id))
      expect(shapesOf(theirDoc)).toEqual(shapesOf(board.doc))
      expect(editor.getCurrentPageShapesSorted().length).toBe(shapesOf(board.doc).length)
    }
  } finally {
    stopSync()
    board.dispose()
  }
}

describe('undo and redo with other people editing', () => {
  it('undo takes back only your edits, redo puts them back, and nothing anyone else did changes', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 1, maxLength: 30 }), (ops) => runSequence(ops)),
      { numRuns: 100 },
    )
  }, 120_000)
})
