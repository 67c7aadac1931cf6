import type { TLRecord } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { stepRecord } from './board-records.test-support.ts'
import { type ResetPlan, splitResetPlan } from './refusal-reset.ts'

const step = (id: string, bytes: number): TLRecord => stepRecord(id, { description: 'd'.repeat(bytes) })
const sizeOf = (record: TLRecord) => new TextEncoder().encode(JSON.stringify(record)).byteLength

function plan(records: TLRecord[]): ResetPlan {
  return {
    records,
    removedRecords: ['shape:gone'],
    roles: [{ id: 'role:ops', name: 'Ops', color: '#2f9e44', kind: 'team' }],
    removedRoles: [],
    board: { title: 'Renamed offline' },
    rolledBack: ['shape:refused'],
  }
}

describe('splitResetPlan', () => {
  it('cuts the records into parts of at most a quarter of the limit, every record in one part, in order', () => {
    const records = Array.from({ length: 30 }, (_, i) => step(`s${i}`, 1000))
    const limit = 16 * 1024
    const { parts, oversized } = splitResetPlan(plan(records), limit)
    expect(oversized).toEqual([])
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      expect(part.records.reduce((sum, record) => sum + sizeOf(record), 0)).toBeLessThanOrEqual(limit / 4)
    }
    expect(parts.flatMap((part) => part.records.map((record) => record.id))).toEqual(records.map((r) => r.id))
    // Removals, roles, board fields and what was rolled back travel once, with the first part.
    expect(parts[0]).toMatchObject({ removedRecords: ['shape:gone'], board: { title: 'Renamed offline' } })
    expect(parts[0]!.roles).toHaveLength(1)
    expect(parts.slice(1).every((part) => part.removedRecords.length === 0 && part.roles.length === 0)).toBe(
      true,
    )
  })

  it('gives a record larger than a part its own part, and names one too large to send at all', () => {
    const limit = 16 * 1024
    const { parts, oversized } = splitResetPlan(
      plan([step('small', 100), step('big', 10_000), step('huge', 20_000)]),
      limit,
    )
    expect(oversized).toEqual(['shape:huge'])
    expect(parts.map((part) => part.records.map((record) => record.id))).toEqual([
      ['shape:small'],
      ['shape:big'],
    ])
    expect(parts[0]!.rolledBack).toEqual(['shape:refused', 'shape:huge'])
  })
})
