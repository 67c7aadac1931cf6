import { expect, test } from 'vitest'
import { ladderLayout, RUNG_GAP } from './vsm-ladder-layout.ts'

test('each stage gets its wait on the upper rung, then its process time on the lower, left to right', () => {
  const layout = ladderLayout(
    [
      { stageId: 'b', wait: 16, process: 1, left: 100, right: 200 },
      { stageId: 'a', wait: 8, process: 0.5, left: 0, right: 100 },
    ],
    300,
  )!
  expect(layout.rungs).toEqual([
    { stageId: 'a', x1: 0, x2: 50, y: 300, hours: 8, kind: 'wait' },
    { stageId: 'a', x1: 50, x2: 100, y: 300 + RUNG_GAP, hours: 0.5, kind: 'process' },
    { stageId: 'b', x1: 100, x2: 150, y: 300, hours: 16, kind: 'wait' },
    { stageId: 'b', x1: 150, x2: 200, y: 300 + RUNG_GAP, hours: 1, kind: 'process' },
  ])
  expect(layout.wave.startsWith('M0.0,300.0 L50.0,300.0 L50.0,326.0 L100.0,326.0 L100.0,300.0')).toBe(true)
  expect(layout.totalsX).toBe(216)
})

test('no stages, no ladder', () => {
  expect(ladderLayout([], 0)).toBeNull()
})
