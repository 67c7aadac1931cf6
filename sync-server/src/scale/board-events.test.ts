import { describe, expect, it } from 'vitest'
import { readBoardEvent } from './board-events.ts'

describe('board events read from the Redis channel', () => {
  it('reads the three kinds an instance publishes', () => {
    const origin = 'host-a'
    for (const event of [
      { type: 'member-change', boardId: 'b', userId: 'bo', change: 'removed' },
      { type: 'board-deleted', boardId: 'b', reason: 'deleted by Fay' },
      { type: 'people', boardId: 'b', list: '{"type":"people"}' },
    ]) {
      expect(readBoardEvent(JSON.stringify({ origin, event }))).toEqual({ origin, event })
    }
  })

  it('ignores anything else on the channel: not JSON, no origin, an unknown kind, a role that is not one', () => {
    for (const text of [
      'not json',
      'null',
      JSON.stringify({ event: { type: 'board-deleted', boardId: 'b', reason: 'x' } }),
      JSON.stringify({ origin: 'a', event: { type: 'drop-table', boardId: 'b' } }),
      JSON.stringify({
        origin: 'a',
        event: { type: 'member-change', boardId: 'b', userId: 'bo', change: 'facilitator' },
      }),
      JSON.stringify({ origin: 'a', event: { type: 'people', boardId: 7, list: '' } }),
    ]) {
      expect(readBoardEvent(text), text).toBeNull()
    }
  })
})
