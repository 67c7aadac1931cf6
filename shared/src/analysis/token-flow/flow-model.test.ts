import { describe, expect, test } from 'vitest'
import {
  chain,
  decisionNode,
  endEvent,
  flowArrow,
  graphOfRecords,
  startEvent,
  timedStep,
} from '../../testing/flow-maps.ts'
import { branchShares, flowModel } from './flow-model.ts'

describe('flow model', () => {
  test('branches without a probability share equally what the others leave', () => {
    expect(branchShares([0.5, null, null])).toEqual([0.5, 0.25, 0.25])
    expect(branchShares([null, null])).toEqual([0.5, 0.5])
    // Set shares above 1 are scaled to 1 and leave nothing for the unset branch.
    const scaled = branchShares([0.9, 0.6, null])
    expect(scaled[0]).toBeCloseTo(0.6)
    expect(scaled[1]).toBeCloseTo(0.4)
    expect(scaled[2]).toBe(0)
    // All set but summing below 1: scaled up, since a case always takes one branch.
    expect(branchShares([0.2, 0.2])).toEqual([0.5, 0.5])
    expect(branchShares([0, 0])).toEqual([0.5, 0.5])
  })

  test('steps carry their triangles, decisions their shares; loose and non-sequence arrows carry no tokens', () => {
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('a', { estimate: 2, estimateRange: { min: 1, max: 5 }, wait: 3 }),
        decisionNode('d'),
        endEvent(),
        ...chain('start', 'a', 'd'),
        ...flowArrow('d', 'end', { probability: 0.25 }),
        ...flowArrow('d', 'a'),
        ...flowArrow('a', 'end', { flow: 'information' }),
      ]),
    )
    const a = model.nodes[model.indexOf.get('shape:a')!]!
    expect(a).toMatchObject({
      kind: 'step',
      process: { min: 1, likely: 2, max: 5 },
      wait: { min: 3, likely: 3, max: 3 },
    })
    expect(a.inCount).toBe(2)
    const d = model.nodes[model.indexOf.get('shape:d')!]!
    expect(d.out.map((edge) => model.edges[edge]!.probability)).toEqual([0.25, 0.75])
    expect(d.out.map((edge) => model.edges[edge]!.label)).toEqual(['to end', 'to a'])
    expect(model.starts).toEqual([model.indexOf.get('shape:start')])
    expect(model.canReach(model.indexOf.get('shape:d')!, model.indexOf.get('shape:a')!)).toBe(true)
    expect(model.canReach(model.indexOf.get('shape:end')!, model.indexOf.get('shape:a')!)).toBe(false)
  })
})
