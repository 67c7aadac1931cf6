import { describe, expect, it } from 'vitest'
import { deletedBoardReason, readDeletedBoardReason } from './deleted-board-reason.ts'

describe('the deleted-board reason', () => {
  it('reads back the board and the last day it can be restored, quotes in the title included', () => {
    const board = { name: 'Q3 "offsite" plan', restorableUntil: '2026-01-31' }
    expect(deletedBoardReason(board)).toBe(
      'board "Q3 "offsite" plan" was deleted; a facilitator can restore it from the home page until 2026-01-31',
    )
    expect(readDeletedBoardReason(deletedBoardReason(board))).toEqual(board)
  })

  it('is null for any other refusal', () => {
    expect(readDeletedBoardReason('invalid token: signature')).toBeNull()
    expect(readDeletedBoardReason('board "x" was deleted by someone else just now')).toBeNull()
  })
})
