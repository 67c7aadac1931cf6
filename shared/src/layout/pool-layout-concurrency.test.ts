import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clampToContent, contentOf, type LayoutBox } from './clamp-to-content.ts'
import {
  dropMember,
  normalizePools,
  type PoolBox,
  type PoolContent,
  poolMembers,
  resizeMember,
  snapNewMember,
} from './pool-layout.ts'

// Two people edit one pool at once, each from the same state, and Yjs keeps one writer per key. The
// model below holds what the doc holds: each lane's `x`, `y`, `w`, `h`, `pool`, and each step's `x`,
// `y` relative to its lane (a tldraw child's position is in its parent's space). Each edit is done
// as the editor does it (container-resize.ts, pool-moves.ts); the merge takes every key a single
// person wrote from them, and a key both wrote from either, as fast-check chooses.

type Step = { readonly id: string; readonly lane: string; x: number; y: number; w: number; h: number }
type Board = { readonly lanes: readonly PoolBox[]; readonly steps: readonly Step[] }

const PADDING = { left: 148, top: 16, right: 16, bottom: 16 }
const MIN_SIZE = 40

const lane = (id: string, y: number, h: number, pool: string | null = 'p'): PoolBox => ({
  id,
  pool,
  x: 0,
  y,
  w: 800,
  h,
})

/** Three lanes in a pool with a step each (the last near the right edge), and a lone lane far off. */
function initialBoard(): Board {
  const lanes = [
    lane('a', 0, 200),
    lane('b', 200, 200),
    lane('c', 400, 240),
    { ...lane('z', 0, 200, null), x: 3000 },
  ]
  const steps: Step[] = [
    { id: 'sa', lane: 'a', x: 200, y: 40, w: 220, h: 120 },
    { id: 'sb', lane: 'b', x: 350, y: 40, w: 220, h: 120 },
    { id: 'sc', lane: 'c', x: 540, y: 60, w: 220, h: 120 },
    { id: 'sz', lane: 'z', x: 560, y: 40, w: 200, h: 120 },
  ]
  return { lanes, steps }
}

type Edge = 'left' | 'right' | 'top' | 'bottom'
type Op =
  | { kind: 'resize'; lane: number; edge: Edge; delta: number }
  | { kind: 'insert'; gap: number; h: number }
  | { kind: 'reorder'; lane: number; to: number }
  | { kind: 'join'; at: number; dx: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('resize' as const),
    lane: fc.nat(8),
    edge: fc.constantFrom<Edge>('left', 'right', 'top', 'bottom'),
    delta: fc.integer({ min: -500, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    gap: fc.integer({ min: -40, max: 150 }),
    h: fc.integer({ min: 60, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('reorder' as const),
    lane: fc.nat(8),
    to: fc.integer({ min: -200, max: 1500 }),
  }),
  fc.record({
    kind: fc.constant('join' as const),
    at: fc.integer({ min: -230, max: 1200 }),
    dx: fc.integer({ min: -300, max: 300 }),
  }),
)

function pageStepsOf(board: Board, box: PoolBox): LayoutBox[] {
  return board.steps
    .filter((step) => step.lane === box.id)
    .map((step) => ({ x: box.x + step.x, y: box.y + step.y, w: step.w, h: step.h }))
}

/** Each lane's steps in its own coordinates: what normalizing grows the pool back over. */
function holdingOf(board: Board): PoolContent {
  const content = new Map(
    board.lanes.map((box) => [box.id, contentOf(board.steps.filter((step) => step.lane === box.id))]),
  )
  return { content, padding: PADDING }
}

function proposedBox(at: PoolBox, edge: Edge, delta: number): LayoutBox {
  switch (edge) {
    case 'right':
      return { x: at.x, y: at.y, w: Math.max(MIN_SIZE, at.w + delta), h: at.h }
    case 'bottom':
      return { x: at.x, y: at.y, w: at.w, h: Math.max(MIN_SIZE, at.h + delta) }
    case 'left': {
      const x = Math.min(at.x - delta, at.x + at.w - MIN_SIZE)
      return { x, y: at.y, w: at.x + at.w - x, h: at.h }
    }
    case 'top': {
      const y = Math.min(at.y - delta, at.y + at.h - MIN_SIZE)
      return { x: at.x, y, w: at.w, h: at.y + at.h - y }
    }
  }
}

/**
 * A resize as container-resize.ts does it: clamped to the lane's own steps along the pool and to every
 * member's steps across it, the pool restacked; the steps of every member stay where they are on the
 * page across the pool (the shared edge moved for all), and along it only the resized lane's do.
 */
function resize(board: Board, at: PoolBox, edge: Edge, delta: number): Board {
  const members = poolMembers(board.lanes, 'p', 'vertical')
  const own = contentOf(pageStepsOf(board, at))
  const pool = contentOf(members.flatMap((member) => pageStepsOf(board, member)))
  const clamped = clampToContent(at, proposedBox(at, edge, delta), { x: pool.x, y: own.y }, PADDING)
  const lanes = resizeMember(board.lanes, { ...at, ...clamped }, 'vertical')
  const before = new Map(board.lanes.map((box) => [box.id, box]))
  const after = new Map(lanes.map((box) => [box.id, box]))
  const steps = board.steps.map((step) => {
    const start = before.get(step.lane) as PoolBox
    const now = after.get(step.lane) as PoolBox
    const dy = step.lane === at.id ? now.y - start.y : 0
    return { ...step, x: step.x - (now.x - start.x), y: step.y - dy }
  })
  return { lanes, steps }
}

/** A container let go after a drag: its steps go with it (their positions are relative to it). */
function drop(board: Board, dropped: PoolBox): Board {
  const lanes = dropMember(board.lanes, dropped, 'vertical')
  // As pool-moves.ts does, the pool it lands in grows over the steps the lane brings along.
  return { ...board, lanes: normalizePools(lanes, 'vertical', holdingOf({ ...board, lanes })) }
}

function apply(board: Board, o: Op, tag: string): Board {
  const members = poolMembers(board.lanes, 'p', 'vertical')
  const last = members.at(-1) as PoolBox
  const first = members[0] as PoolBox
  switch (o.kind) {
    case 'resize':
      return resize(board, members[o.lane % members.length] as PoolBox, o.edge, o.delta)
    case 'insert': {
      const id = `new-${tag}`
      if (board.lanes.some((box) => box.id === id)) return board
      const drawn = { id, pool: null, x: last.x + 10, y: last.y + last.h + o.gap, w: last.w - 20, h: o.h }
      const lanes = snapNewMember([...board.lanes, drawn], id, 'vertical')
      const step = { id: `step-${tag}`, lane: id, x: 200, y: 10, w: 100, h: 40 }
      return { lanes, steps: [...board.steps, step] }
    }
    case 'reorder': {
      const at = members[o.lane % members.length] as PoolBox
      const y = Math.min(Math.max(o.to, first.y), last.y + last.h - at.h)
      return drop(board, { ...at, y })
    }
    case 'join': {
      const lone = board.lanes.find((box) => box.id === 'z')
      if (lone?.pool !== null || lone === undefined) return board
      return drop(board, { ...lone, x: first.x + o.dx, y: first.y + o.at })
    }
  }
}

/** The doc after both people's edits are exchanged: one writer per key, new records from their maker. */
function merge(start: Board, mine: Board, theirs: Board, firstWins: (key: string) => boolean): Board {
  const pick = <T>(key: string, was: T | undefined, a: T | undefined, b: T | undefined): T | undefined => {
    const aWrote = a !== undefined && a !== was
    const bWrote = b !== undefined && b !== was
    if (aWrote && bWrote) return firstWins(key) ? a : b
    return aWrote ? a : bWrote ? b : was
  }
  const ids = <R extends { id: string }>(rows: readonly R[][]) => [
    ...new Set(rows.flat().map((row) => row.id)),
  ]
  const find = <R extends { id: string }>(rows: readonly R[], id: string) => rows.find((row) => row.id === id)
  const lanes = ids([[...start.lanes], [...mine.lanes], [...theirs.lanes]]).map((id) => {
    const [was, a, b] = [find(start.lanes, id), find(mine.lanes, id), find(theirs.lanes, id)]
    const key = (field: keyof PoolBox) => pick(`${id}.${field}`, was?.[field], a?.[field], b?.[field])
    return {
      id,
      pool: key('pool') as string | null,
      x: key('x') as number,
      y: key('y') as number,
      w: key('w') as number,
      h: key('h') as number,
    }
  })
  const steps = ids([[...start.steps], [...mine.steps], [...theirs.steps]]).map((id) => {
    const [was, a, b] = [find(start.steps, id), find(mine.steps, id), find(theirs.steps, id)]
    const base = (was ?? a ?? b) as Step
    return {
      ...base,
      x: pick(`${id}.x`, was?.x, a?.x, b?.x) as number,
      y: pick(`${id}.y`, was?.y, a?.y, b?.y) as number,
    }
  })
  return { lanes, steps }
}

/** Every pool stacked with one left edge and width, and every step inside its lane. */
function expectValid(board: Board) {
  const pools = new Set(board.lanes.flatMap((box) => (box.pool === null ? [] : [box.pool])))
  for (const pool of pools) {
    const members = poolMembers(board.lanes, pool, 'vertical')
    members.forEach((box, i) => {
      const above = members[i - 1]
      if (above === undefined) return
      expect(box.y, `${box.id} starts where ${above.id} ends`).toBeCloseTo(above.y + above.h, 6)
      expect([box.x, box.w], `${box.id} has the pool's left edge and width`).toEqual([above.x, above.w])
    })
  }
  for (const step of board.steps) {
    const box = board.lanes.find((l) => l.id === step.lane) as PoolBox
    const where = `step ${step.id} (${step.x}..${step.x + step.w}, ${step.y}..${step.y + step.h}) inside ${box.id} (${box.w} × ${box.h})`
    expect(step.x >= -1e-6 && step.x + step.w <= box.w + 1e-6, where).toBe(true)
    expect(step.y >= -1e-6 && step.y + step.h <= box.h + 1e-6, where).toBe(true)
  }
}

const edits = fc.array(op, { minLength: 1, maxLength: 3 })

describe('pool layout under concurrent edits', () => {
  it('one person at a time: widths, heights, inserts, reorders and joins keep the pool valid', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        let board = initialBoard()
        ops.forEach((o, n) => {
          board = apply(board, o, `${n}`)
          expectValid(board)
        })
      }),
    )
  })

  it('two people resizing widths (and heights, inserting, reordering, joining) at once converge to a valid pool', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 6 }),
        edits,
        edits,
        fc.func(fc.boolean()),
        (before, mine, theirs, firstWins) => {
          const start = before.reduce((board, o, n) => apply(board, o, `s${n}`), initialBoard())
          const a = mine.reduce((board, o, n) => apply(board, o, `a${n}`), start)
          const b = theirs.reduce((board, o, n) => apply(board, o, `b${n}`), start)
          const merged = merge(start, a, b, firstWins)
          // Every client runs the same rule on the same merged state.
          const lanes = normalizePools(merged.lanes, 'vertical', holdingOf(merged))
          const converged = { ...merged, lanes }
          expectValid(converged)
          expect(normalizePools(lanes, 'vertical', holdingOf(converged)), 'nobody writes again').toEqual(
            lanes,
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('a left edge dragged out while another person drags the right edge in keeps the steps inside', () => {
    const start = initialBoard()
    const [a, , c] = poolMembers(start.lanes, 'p', 'vertical') as PoolBox[]
    const mine = resize(start, a as PoolBox, 'left', 200)
    const theirs = resize(start, c as PoolBox, 'right', -400)
    // Only the first wrote `x` and the steps' `x`; the second's `w` wins.
    const merged = merge(start, mine, theirs, () => false)
    const lanes = normalizePools(merged.lanes, 'vertical', holdingOf(merged))
    expectValid({ ...merged, lanes })
    expect(lanes.find((box) => box.id === 'a')?.x).toBe(-200)
  })
})
