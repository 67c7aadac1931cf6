import { describe, expect, it } from 'vitest'
import { clusterPins } from './clusters.ts'

describe('clusterPins', () => {
  it('keeps pins apart when they do not crowd, and groups them (with the total) when they do', () => {
    const pins = [
      { id: 'a', x: 0, y: 0, count: 2 },
      { id: 'b', x: 10, y: 5, count: 3 },
      { id: 'c', x: 200, y: 0, count: 1 },
    ]
    const clusters = clusterPins(pins, 28)
    expect(clusters).toHaveLength(2)
    expect(clusters[0]).toEqual({ ids: ['a', 'b'], x: 5, y: 2.5, total: 5 })
    expect(clusters[1]).toEqual({ ids: ['c'], x: 200, y: 0, total: 1 })
    expect(clusterPins(pins, 1)).toHaveLength(3)
    expect(clusterPins([], 28)).toEqual([])
  })
})
