import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../logger.ts'
import { asyncStorageOf } from '../storage/async-board-storage.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import { deletedBoardMessage, startDeletedBoardPurge } from './deleted-boards.ts'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

afterEach(() => {
  vi.useRealTimers()
})

describe('purging deleted boards', () => {
  it('purges on start and then periodically, each board once its retention has passed on the given clock', async () => {
    vi.useFakeTimers()
    const storage = asyncStorageOf(new SqliteStorage({ path: null, synchronous: 'normal' }))
    let clock = 1_000 * DAY
    for (const id of ['old', 'young', 'live']) await storage.createBoard({ id, title: id, now: clock })
    await storage.markBoardDeleted('old', clock - 31 * DAY)
    await storage.markBoardDeleted('young', clock - 30 * DAY + 2 * HOUR)

    const stop = startDeletedBoardPurge({
      storage,
      retentionMs: 30 * DAY,
      intervalMs: HOUR,
      logger: createLogger('silent'),
      now: () => clock,
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(await storage.getBoard('old')).toBeUndefined()
    expect(await storage.getBoard('young')).toBeDefined()

    clock += HOUR
    await vi.advanceTimersByTimeAsync(HOUR)
    expect(await storage.getBoard('young')).toBeDefined()
    clock += HOUR
    await vi.advanceTimersByTimeAsync(HOUR)
    expect(await storage.getBoard('young')).toBeUndefined()
    expect((await storage.getBoard('live'))?.deletedAt).toBeNull()

    await stop()
    await storage.markBoardDeleted('live', 0)
    await vi.advanceTimersByTimeAsync(10 * HOUR)
    expect(await storage.getBoard('live')).toBeDefined()
    await storage.close()
  })

  it('runs one purge at a time, and its stop waits for the one still running', async () => {
    vi.useFakeTimers()
    let calls = 0
    let finish: (ids: string[]) => void = () => {}
    const storage = {
      purgeBoardsDeletedBefore: () => {
        calls++
        return new Promise<string[]>((resolve) => {
          finish = resolve
        })
      },
    }
    const stop = startDeletedBoardPurge({
      storage,
      retentionMs: DAY,
      intervalMs: HOUR,
      logger: createLogger('silent'),
    })
    await vi.advanceTimersByTimeAsync(3 * HOUR)
    expect(calls).toBe(1)

    let stopped = false
    const stopping = stop().then(() => {
      stopped = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(stopped).toBe(false)
    finish([])
    await stopping
    expect(stopped).toBe(true)
    await vi.advanceTimersByTimeAsync(3 * HOUR)
    expect(calls).toBe(1)
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
