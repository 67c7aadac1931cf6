import { expect, test } from 'vitest'
import {
  BOARD_ROLES,
  boardRoleProblem,
  canEditBoard,
  canFacilitateBoard,
  isBoardRole,
} from './board-roles.ts'

test('each board role is one', () => {
  for (const role of BOARD_ROLES) {
    expect(isBoardRole(role)).toBe(true)
    expect(boardRoleProblem(role)).toBeNull()
  }
})

test('anything else is not a role, with a reason that lists the roles', () => {
  expect(isBoardRole('admin')).toBe(false)
  expect(boardRoleProblem('admin')).toBe('must be one of facilitator|editor|viewer, got admin')
  expect(boardRoleProblem('Facilitator')).toBe('must be one of facilitator|editor|viewer, got Facilitator')
  expect(boardRoleProblem(undefined)).toBe('must be one of facilitator|editor|viewer, got undefined')
  expect(boardRoleProblem(2)).toBe('must be one of facilitator|editor|viewer, got 2')
  expect(isBoardRole(null)).toBe(false)
})

test('a viewer only reads, an editor edits, a facilitator also runs the board', () => {
  expect(BOARD_ROLES.map((role) => [role, canEditBoard(role), canFacilitateBoard(role)])).toEqual([
    ['facilitator', true, true],
    ['editor', true, false],
    ['viewer', false, false],
  ])
})
