import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { deleteRecord, deleteRecords, readRecords, writeRecord, writeRecords } from '../doc/records.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { connector, pageRecord, workflowShape } from '../testing/shape-records.ts'
import { findBoardRepairs } from './find-board-repairs.ts'

function twoPeers(records: TLRecord[]): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  writeRecords(a, records)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return [a, b]
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, fromA)
}

/** What every client does after a merge: compute repairs from the doc and write them. */
function repair(doc: Y.Doc) {
  const repairs = findBoardRepairs(readRecords(doc))
  writeRecords(doc, repairs.upserted)
  deleteRecords(doc, repairs.removed)
  return repairs
}

const sortById = (records: TLRecord[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('findBoardRepairs after concurrent edits', () => {
  test('A moved into B while B moved into A: the larger id goes to the page, on both peers alike', () => {
    const laneA = workflowShape('lane', { id: 'a', index: 'a1' })
    const laneB = workflowShape('lane', { id: 'b', index: 'a2' })
    const [one, two] = twoPeers([pageRecord(), laneA, laneB])
    writeRecord(one, { ...laneA, parentId: laneB.id })
    writeRecord(two, { ...laneB, parentId: laneA.id })
    exchange(one, two)
    const found = findBoardRepairs(readRecords(one))
    expect(found.repairs).toEqual([expect.objectContaining({ recordId: 'shape:b', problem: 'parent-cycle' })])
    repair(one)
    repair(two)
    exchange(one, two)
    expect(sortById(readRecords(one))).toEqual(sortById(readRecords(two)))
    const b = readRecords(one).find((record) => record.id === 'shape:b') as typeof laneB
    expect(b.parentId).toBe('page:page')
    expect(findBoardRepairs(readRecords(one)).repairs).toEqual([])
  })

  test('a step added into a lane someone deleted moves to the page', () => {
    const lane = workflowShape('lane', { id: 'lane' })
    const [one, two] = twoPeers([pageRecord(), lane])
    deleteRecord(one, lane.id)
    writeRecord(two, workflowShape('step', { id: 's', parentId: lane.id }))
    exchange(one, two)
    expect(repair(one).repairs).toEqual([
      expect.objectContaining({ recordId: 'shape:s', problem: 'missing-parent' }),
    ])
    const step = readRecords(one).find((record) => record.id === 'shape:s') as ReturnType<
      typeof workflowShape
    >
    expect(step.parentId).toBe('page:page')
  })

  test('an arrow bound to a shape someone deleted loses that binding', () => {
    const records = [
      pageRecord(),
      workflowShape('step', { id: 'a', index: 'a1' }),
      workflowShape('step', { id: 'b', index: 'a2' }),
      ...connector({ id: 'c', from: 'a', to: 'b', index: 'a3' }),
    ]
    const [one, two] = twoPeers(records)
    deleteRecord(one, 'shape:b')
    exchange(one, two)
    expect(repair(two)).toMatchObject({ removed: ['binding:c-end'], upserted: [] })
  })

  test('two shapes given the same index: the larger id gets a new one, between its neighbours', () => {
    const records = [
      pageRecord(),
      workflowShape('step', { id: 'x', index: 'a1' }),
      workflowShape('step', { id: 'y', index: 'a1' }),
      workflowShape('step', { id: 'z', index: 'a2' }),
    ]
    const { upserted, repairs } = findBoardRepairs(records)
    expect(repairs).toEqual([expect.objectContaining({ recordId: 'shape:y', problem: 'duplicate-index' })])
    expect(upserted).toHaveLength(1)
    const index = (upserted[0] as { index: string }).index
    expect(index > 'a1' && index < 'a2').toBe(true)
    expect(validateRecord(upserted[0]).ok).toBe(true)
  })

  test('a valid board needs no repair', () => {
    expect(findBoardRepairs([pageRecord(), workflowShape('step', { id: 's' })])).toEqual({
      upserted: [],
      removed: [],
      repairs: [],
    })
  })
})

describe('findBoardRepairs, for any tangle of parents, indices and bindings', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f']
  const tangle = fc.record({
    parents: fc.array(fc.constantFrom(...ids, 'gone', 'page'), {
      minLength: ids.length,
      maxLength: ids.length,
    }),
    indices: fc.array(fc.constantFrom('a1', 'a2', 'a3'), { minLength: ids.length, maxLength: ids.length }),
    arrowTargets: fc.array(fc.constantFrom(...ids, 'gone'), { maxLength: 4 }),
  })
  const build = ({
    parents,
    indices,
    arrowTargets,
  }: {
    parents: string[]
    indices: string[]
    arrowTargets: string[]
  }) => [
    pageRecord(),
    pageRecord('page:second' as ReturnType<typeof pageRecord>['id'], 'Second'),
    ...ids.map((id, i) =>
      workflowShape('lane', {
        id,
        index: indices[i]!,
        parentId: parents[i] === 'page' ? 'page:page' : `shape:${parents[i]}`,
      }),
    ),
    ...arrowTargets.flatMap((target, i) =>
      connector({ id: `arrow${i}`, from: 'a', to: target, index: `a${i + 4}` }),
    ),
  ]

  test('repairs leave a tree with existing parents, unique sibling indices and live bindings', () => {
    fc.assert(
      fc.property(tangle, fc.integer({ min: 1 }), (input, shuffleSeed) => {
        const records = build(input)
        const found = findBoardRepairs(records)
        // The same records in another order give the same repairs: every client agrees.
        const shuffled = shuffle(records, shuffleSeed)
        expect(findBoardRepairs(shuffled)).toEqual(found)

        const doc = new Y.Doc()
        writeRecords(doc, records)
        repair(doc)
        const after = readRecords(doc)
        expect(findBoardRepairs(after).repairs).toEqual([])
        const shapes = new Map<string, { parentId: string }>()
        for (const record of after) if (record.typeName === 'shape') shapes.set(record.id, record)
        for (const [id, shape] of shapes) {
          const seen = new Set<string>([id])
          let parent = shape.parentId
          while (shapes.has(parent)) {
            expect(seen.has(parent)).toBe(false)
            seen.add(parent)
            parent = shapes.get(parent)!.parentId
          }
          expect(parent.startsWith('page:')).toBe(true)
        }
        for (const record of after) expect(validateRecord(record).ok).toBe(true)
      }),
    )
  })
})

/** Fisher-Yates with a small linear congruential generator: a reproducible permutation per seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items]
  let state = seed
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648
    const j = state % (i + 1)
    ;[result[i], result[j]] = [result[j]!, result[i]!]
  }
  return result
}
