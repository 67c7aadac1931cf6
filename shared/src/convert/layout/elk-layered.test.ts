import { afterEach, describe, expect, it } from 'vitest'
import { layeredPositions } from './elk-layered.ts'

type WorkerLike = { self?: unknown; onmessage?: unknown }
const scope = globalThis as WorkerLike

describe('layeredPositions', () => {
  afterEach(() => {
    delete scope.self
    delete scope.onmessage
  })

  // This file's module registry is its own, so ELK's inlined worker script is first evaluated here,
  // in a scope that looks like a web worker's (a `self`, no `document`).
  it("leaves a web worker's own onmessage in place, so the worker hears its next message", async () => {
    const handler = () => {}
    scope.self = globalThis
    scope.onmessage = handler
    await layeredPositions([{ id: 'a', w: 10, h: 10 }], [])
    expect(scope.onmessage).toBe(handler)
  })

  it('orders a chain into layers left to right and leaves out edges to unknown boxes', async () => {
    const boxes = ['a', 'b', 'c'].map((id) => ({ id, w: 100, h: 50 }))
    const at = await layeredPositions(boxes, [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'nowhere' },
    ])
    expect(at.get('a')!.x + 100).toBeLessThan(at.get('b')!.x)
    expect(at.get('b')!.x + 100).toBeLessThan(at.get('c')!.x)
  })
})

describe('layeredPositions on a deep graph', () => {
  // MAX_IMPORT_ELEMENTS in a row: ELK's default layering overflows the call stack on it.
  it('lays a chain of 10,000 boxes out left to right', async () => {
    const boxes = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, w: 100, h: 50 }))
    const edges = boxes.slice(1).map((box, i) => ({ from: boxes[i]!.id, to: box.id }))
    const at = await layeredPositions(boxes, edges)
    expect(at.size).toBe(10_000)
    for (let i = 1; i < 10_000; i++) expect(at.get(`n${i}`)!.x).toBeGreaterThan(at.get(`n${i - 1}`)!.x)
  }, 300_000)
})
