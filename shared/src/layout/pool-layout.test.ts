import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clampToContent, contentOf, type LayoutBox } from './clamp-to-content.ts'
import {
  dropMember,
  joinPool,
  normalizePools,
  POOL_JOIN_DISTANCE,
  type PoolAxis,
  type PoolBox,
  poolMembers,
  resizeMember,
  snapNewMember,
  touchingChain,
} from './pool-layout.ts'

const lane = (id: string, y: number, h: number, pool: string | null = 'p'): PoolBox => ({
  id,
  pool,
  x: 0,
  y,
  w: 800,
  h,
})

describe('pool layout', () => {
  it('growing a lane pushes the lanes below it down by as much', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 200), lane('c', 400, 200)]
    const after = resizeMember(boxes, { ...lane('b', 200, 260) }, 'vertical')
    expect(after.map((box) => [box.y, box.h])).toEqual([
      [0, 200],
      [200, 260],
      [460, 200],
    ])
  })

  it('a lane grown upwards pushes the lanes above it up', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 200), lane('c', 400, 200)]
    const after = resizeMember(boxes, lane('b', 150, 250), 'vertical')
    expect(after.map((box) => box.y)).toEqual([-50, 150, 400])
  })

  it('a width change applies to the whole pool', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 200)]
    const after = resizeMember(boxes, { ...lane('a', 0, 200), x: -40, w: 1000 }, 'vertical')
    expect(after.map((box) => [box.x, box.w])).toEqual([
      [-40, 1000],
      [-40, 1000],
    ])
  })

  it('a stage grown wider pushes the stages to its right', () => {
    const stage = (id: string, x: number): PoolBox => ({ id, pool: 's', x, y: 0, w: 300, h: 600 })
    const after = resizeMember([stage('a', 0), stage('b', 300)], { ...stage('a', 0), w: 380 }, 'horizontal')
    expect(after.map((box) => box.x)).toEqual([0, 380])
  })

  it('a lane drawn under a lone lane snaps under it and the two become a pool', () => {
    const boxes = [lane('a', 0, 200, null), { ...lane('new', 260, 150, null), x: 30, w: 500 }]
    const after = snapNewMember(boxes, 'new', 'vertical')
    expect(after).toEqual([lane('a', 0, 200, 'a'), lane('new', 200, 150, 'a')])
  })

  it('a lane drawn under a pool snaps under its last lane', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 200), lane('new', 500, 100, null)]
    expect(snapNewMember(boxes, 'new', 'vertical').at(-1)).toEqual(lane('new', 400, 100))
  })

  it('a lane drawn far from every pool stays where it was drawn', () => {
    const boxes = [lane('a', 0, 200), lane('far', 2000, 100, null)]
    expect(snapNewMember(boxes, 'far', 'vertical')).toEqual(boxes)
  })

  it('a lane dragged into another slot reorders the pool, which restacks without gaps', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 100), lane('c', 300, 200)]
    // c dropped with its centre above a's centre: it becomes first.
    const after = dropMember(boxes, { ...lane('c', -50, 200), x: 35 }, 'vertical')
    expect(poolMembers(after, 'p', 'vertical').map((box) => [box.id, box.y, box.x])).toEqual([
      ['c', 0, 0],
      ['a', 200, 0],
      ['b', 400, 0],
    ])
  })

  it('a lane dragged out of its pool leaves it, and the rest close up', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 100), lane('c', 300, 200)]
    const after = dropMember(boxes, { ...lane('b', 200, 100), x: 2000 }, 'vertical')
    expect(after.map((box) => [box.id, box.pool, box.x, box.y])).toEqual([
      ['a', 'p', 0, 0],
      ['b', null, 2000, 200],
      ['c', 'p', 0, 200],
    ])
  })

  it('a lane clicked onto a pool (its default box lands over the lanes) snaps under the last lane', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 200), { ...lane('new', 50, 200, null), x: 300, w: 960 }]
    expect(snapNewMember(boxes, 'new', 'vertical').at(-1)).toEqual(lane('new', 400, 200))
  })

  it('a lone lane dropped with its edge near a pool joins it at the drop slot; the lanes below move down', () => {
    const lone = { ...lane('z', 170, 120, null), x: 90, w: 500 }
    const boxes = [lane('a', 0, 200), lane('b', 200, 200), lone]
    // Its centre (230) is below a's centre and above b's: it goes between them.
    const after = joinPool(boxes, 'z', 'vertical')
    expect(poolMembers(after, 'p', 'vertical').map((box) => [box.id, box.x, box.y, box.w, box.h])).toEqual([
      ['a', 0, 0, 800, 200],
      ['z', 0, 200, 800, 120],
      ['b', 0, 320, 800, 200],
    ])
  })

  it('a lone lane dropped just under a pool joins it at the bottom', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 200), lane('z', 430, 100, null)]
    expect(joinPool(boxes, 'z', 'vertical').at(-1)).toEqual(lane('z', 400, 100))
  })

  it('a lone lane dropped farther than the join distance, or beside the pool, stays where it is', () => {
    const boxes = [lane('a', 0, 200), lane('far', 400 + POOL_JOIN_DISTANCE + 1, 100, null)]
    expect(joinPool(boxes, 'far', 'vertical')).toEqual(boxes)
    const beside = [lane('a', 0, 200), { ...lane('side', 0, 100, null), x: 900 }]
    expect(joinPool(beside, 'side', 'vertical')).toEqual(beside)
  })

  it('a lane dragged out of its pool next to another pool joins that one', () => {
    const other = (id: string, y: number) => ({ ...lane(id, y, 200, 'q'), x: 2000 })
    const boxes = [
      lane('a', 0, 200),
      lane('b', 200, 200),
      lane('c', 400, 200),
      other('d', 0),
      other('e', 200),
    ]
    const after = dropMember(boxes, { ...lane('b', 390, 200), x: 2100 }, 'vertical')
    expect(poolMembers(after, 'q', 'vertical').map((box) => [box.id, box.x, box.y])).toEqual([
      ['d', 2000, 0],
      ['e', 2000, 200],
      ['b', 2000, 400],
    ])
    expect(poolMembers(after, 'p', 'vertical').map((box) => [box.id, box.y])).toEqual([
      ['a', 0],
      ['c', 200],
    ])
  })

  it('a stage dropped beside a row of stages joins it and the stages right of it move right', () => {
    const stage = (id: string, x: number, pool: string | null = 's'): PoolBox => ({
      id,
      pool,
      x,
      y: 0,
      w: 300,
      h: 600,
    })
    const boxes = [stage('a', 0), stage('b', 300), { ...stage('z', 250, null), y: 80, h: 400, w: 200 }]
    const after = joinPool(boxes, 'z', 'horizontal')
    expect(poolMembers(after, 's', 'horizontal').map((box) => [box.id, box.x, box.y, box.h])).toEqual([
      ['a', 0, 0, 600],
      ['z', 300, 0, 600],
      ['b', 500, 0, 600],
    ])
  })

  it('normalizing grows a pool back over children that stick out of its far edges, never in', () => {
    const boxes = [lane('a', 0, 200), lane('b', 200, 200)]
    const content = new Map([
      ['a', { x: { min: 200, max: 900 }, y: { min: 20, max: 180 } }],
      ['b', { x: { min: 200, max: 400 }, y: { min: 20, max: 260 } }],
    ])
    const padding = { left: 148, top: 16, right: 16, bottom: 16 }
    const after = normalizePools(boxes, 'vertical', { content, padding })
    expect(after.map((box) => [box.x, box.y, box.w, box.h])).toEqual([
      [0, 0, 916, 200],
      [0, 200, 916, 276],
    ])
    expect(normalizePools(after, 'vertical', { content, padding })).toEqual(after)
  })

  it('a lane that left pool p (whose id it shares) and a lone lane joining it make a new pool, not p', () => {
    const boxes = [
      lane('p', 2000, 200, null),
      lane('b', 0, 200),
      lane('c', 200, 200),
      lane('z', 2230, 100, null),
    ]
    const after = joinPool(boxes, 'z', 'vertical')
    expect(after.map((box) => [box.id, box.pool])).toEqual([
      ['p', 'z'],
      ['b', 'p'],
      ['c', 'p'],
      ['z', 'z'],
    ])
    expect(snapNewMember(boxes, 'z', 'vertical').find((box) => box.id === 'p')?.pool).toBe('z')
  })

  it('lanes drawn edge to edge before pools existed are found as a chain', () => {
    const boxes = [lane('a', 0, 200, null), lane('b', 200, 100, null), lane('c', 320, 100, null)]
    expect(touchingChain(boxes, 'b', 'vertical').map((box) => box.id)).toEqual(['a', 'b'])
  })
})

// --- properties -------------------------------------------------------------------------------

/** A lane in the model: its box and its steps, which sit where they are on the page. */
type Model = { boxes: PoolBox[]; steps: Map<string, LayoutBox[]> }

const PADDING = { left: 148, top: 16, right: 16, bottom: 16 }

type Op =
  | { kind: 'resize'; lane: number; edge: 'top' | 'bottom'; delta: number }
  | { kind: 'insert'; gap: number; h: number }
  | { kind: 'reorder'; lane: number; to: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('resize' as const),
    lane: fc.nat(8),
    edge: fc.constantFrom('top' as const, 'bottom' as const),
    delta: fc.integer({ min: -300, max: 300 }),
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
)

/** A resize as the editor does it: clamped to the lane's steps (which stay put), then the pool restacks. */
function applyResize(model: Model, at: PoolBox, edge: 'top' | 'bottom', delta: number): Model {
  const proposed =
    edge === 'bottom'
      ? { x: at.x, y: at.y, w: at.w, h: Math.max(40, at.h + delta) }
      : {
          x: at.x,
          y: Math.min(at.y - delta, at.y + at.h - 40),
          w: at.w,
          h: at.y + at.h - Math.min(at.y - delta, at.y + at.h - 40),
        }
  const content = contentOf(model.steps.get(at.id) ?? [])
  const clamped = clampToContent(at, proposed, content, PADDING)
  const before = model.boxes
  const after = resizeMember(before, { ...at, ...clamped }, 'vertical')
  // A pushed lane carries its steps; the resized one keeps them where they are.
  const steps = moveSteps(
    model,
    before.filter((box) => box.id !== at.id),
    after,
  )
  return { boxes: after, steps }
}

function moveSteps(
  model: Model,
  before: readonly PoolBox[],
  after: readonly PoolBox[],
): Map<string, LayoutBox[]> {
  const steps = new Map(model.steps)
  for (const box of after) {
    const old = before.find((b) => b.id === box.id)
    if (!old) continue
    steps.set(
      box.id,
      (steps.get(box.id) ?? []).map((s) => ({ ...s, x: s.x + box.x - old.x, y: s.y + box.y - old.y })),
    )
  }
  return steps
}

function apply(model: Model, o: Op, n: number): Model {
  const members = poolMembers(model.boxes, 'p', 'vertical')
  if (o.kind === 'resize') {
    const at = members[o.lane % members.length]
    return at ? applyResize(model, at, o.edge, o.delta) : model
  }
  if (o.kind === 'insert') {
    const last = members.at(-1) as PoolBox
    const id = `new${n}`
    const drawn = { id, pool: null, x: last.x + 10, y: last.y + last.h + o.gap, w: last.w - 20, h: o.h }
    const boxes = snapNewMember([...model.boxes, drawn], id, 'vertical')
    // A new lane holds one step in its middle.
    const placed = boxes.find((box) => box.id === id) as PoolBox
    const steps = new Map(model.steps)
    steps.set(id, [{ x: placed.x + 200, y: placed.y + placed.h / 2 - 20, w: 100, h: 40 }])
    return { boxes, steps }
  }
  const at = members[o.lane % members.length]
  if (!at) return model
  // Dragged along the pool only (a drag out of it is a lane leaving, not this property).
  const dropped = {
    ...at,
    y: Math.min(Math.max(o.to, members[0]!.y), members.at(-1)!.y + members.at(-1)!.h - at.h),
  }
  const after = dropMember(model.boxes, dropped, 'vertical')
  const mid = model.boxes.map((box) => (box.id === at.id ? dropped : box))
  const dragged = { ...model, steps: moveSteps(model, model.boxes, mid) }
  return { boxes: after, steps: moveSteps(dragged, mid, after) }
}

function initialModel(): Model {
  const boxes = [lane('a', 0, 200), lane('b', 200, 200), lane('c', 400, 200)]
  const steps = new Map<string, LayoutBox[]>(
    boxes.map((box, i) => [box.id, [{ x: 200 + 100 * i, y: box.y + 40, w: 220, h: 120 }]]),
  )
  return { boxes, steps }
}

function expectValidPool(model: Model, axis: PoolAxis = 'vertical') {
  const members = poolMembers(model.boxes, 'p', axis)
  members.forEach((box, i) => {
    const above = members[i - 1]
    if (above) {
      expect(box.y, `${box.id} starts where ${above.id} ends: no gap, no overlap`).toBeCloseTo(
        above.y + above.h,
        6,
      )
      expect([box.x, box.w]).toEqual([above.x, above.w])
    }
    for (const step of model.steps.get(box.id) ?? []) {
      expect(step.y, `a step of ${box.id} stays inside it`).toBeGreaterThanOrEqual(box.y - 1e-6)
      expect(step.y + step.h).toBeLessThanOrEqual(box.y + box.h + 1e-6)
    }
  })
}

describe('pool layout properties', () => {
  it('after any resizes, inserts and reorders, a pool has no overlap, no gap, and every step stays in its lane', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let model = initialModel()
        ops.forEach((o, n) => {
          model = apply(model, o, n)
          expectValidPool(model)
        })
      }),
    )
  })

  it('normalizing is idempotent and keeps every size: the state clients converge to is a fixed point', () => {
    const box = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      pool: fc.constantFrom('p', null),
      x: fc.integer({ min: -100, max: 100 }),
      y: fc.integer({ min: -500, max: 500 }),
      w: fc.integer({ min: 40, max: 900 }),
      h: fc.integer({ min: 40, max: 400 }),
    })
    fc.assert(
      fc.property(fc.uniqueArray(box, { selector: (b) => b.id, maxLength: 4 }), (boxes) => {
        const once = normalizePools(boxes, 'vertical')
        expect(normalizePools(once, 'vertical')).toEqual(once)
        expect(once.map((b) => b.h)).toEqual(boxes.map((b) => b.h))
        expectValidPool({ boxes: once, steps: new Map() })
      }),
    )
  })

  it('two concurrent resizes merged key by key normalize to the same valid pool, whichever writer wins', () => {
    // Each person resizes a different lane and writes the pool's positions; Yjs keeps one writer per
    // key. Whatever mix of their writes survives, normalizing yields both heights, stacked.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: -150, max: 300 }),
        fc.integer({ min: -150, max: 300 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (i, j, di, dj, firstWins) => {
          const start = [lane('a', 0, 200), lane('b', 200, 200), lane('c', 400, 200)]
          const resizeOf = (k: number, d: number) =>
            resizeMember(start, { ...start[k]!, h: Math.max(40, start[k]!.h + d) }, 'vertical')
          const mine = resizeOf(i, di)
          const theirs = resizeOf(j, dj)
          // Heights: each person changed only their own lane's; positions: one writer per lane.
          const merged = start.map((box, k) => ({
            ...box,
            h: k === j ? theirs[k]!.h : mine[k]!.h,
            y: firstWins[k] ? mine[k]!.y : theirs[k]!.y,
          }))
          const converged = normalizePools(merged, 'vertical')
          expectValidPool({ boxes: converged, steps: new Map() })
          expect(converged.map((b) => b.h)).toEqual(merged.map((b) => b.h))
        },
      ),
    )
  })
})
