import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../logger.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import { deletedBoardMessage, startDeletedBoardPurge } from './deleted-boards.ts'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

afterEach(() => {
  vi.useRealTimers()
})

describe('purging deleted boards', () => {
  it('purges on start and then periodically, each board once its retention has passed on the given clock', () => {
    vi.useFakeTimers()
    const storage = new SqliteStorage({ path: null, synchronous: 'normal' })
    let clock = 1_000 * DAY
    for (const id of ['old', 'young', 'live']) storage.createBoard({ id, title: id, now: clock })
    storage.markBoardDeleted('old', clock - 31 * DAY)
    storage.markBoardDeleted('young', clock - 30 * DAY + 2 * HOUR)

    const stop = startDeletedBoardPurge({
      storage,
      retentionMs: 30 * DAY,
      intervalMs: HOUR,
      logger: createLogger('silent'),
      now: () => clock,
    })
    expect(storage.getBoard('old')).toBeUndefined()
    expect(storage.getBoard('young')).toBeDefined()

    clock += HOUR
    vi.advanceTimersByTime(HOUR)
    expect(storage.getBoard('young')).toBeDefined()
    clock += HOUR
    vi.advanceTimersByTime(HOUR)
    expect(storage.getBoard('young')).toBeUndefined()
    expect(storage.getBoard('live')?.deletedAt).toBeNull()

    stop()
    storage.markBoardDeleted('live', 0)
    vi.advanceTimersByTime(10 * HOUR)
    expect(storage.getBoard('live')).toBeDefined()
    storage.close()
  })

  it("says until which day a deleted board can be restored, by the board's title", () => {
    const message = deletedBoardMessage(
      { id: 'b1', title: 'Payroll', createdAt: 0, updatedAt: 0, deletedAt: Date.UTC(2026, 0, 1) },
      30 * DAY,
    )
    expect(message).toBe(
      'board "Payroll" was deleted; a facilitator can restore it from the home page until 2026-01-31',
    )
  })
})
