import { describe, expect, it } from 'vitest'
import { boardIdOfPath, boardIdProblem, isBoardId } from './board-id.ts'

describe('board ids', () => {
  it('takes the ids the server and an offline device make', () => {
    expect(isBoardId('Xy_9-abcDEF0')).toBe(true)
    expect(isBoardId('k3j4h5g6f7d8s9a0')).toBe(true)
    expect(boardIdProblem('Xy_9-abcDEF0')).toBeNull()
  })

  it('refuses a path, an empty or over-long id and a non-string, saying what an id may hold', () => {
    for (const id of ['../etc', '', 'a'.repeat(65), 'a b', 'a%2Fb']) {
      expect(isBoardId(id)).toBe(false)
      expect(boardIdProblem(id)).toMatch(/^invalid board id ".*": use 1–64 characters of A–Z/)
    }
    expect(isBoardId(42)).toBe(false)
    expect(isBoardId(null)).toBe(false)
    expect(boardIdProblem('x'.repeat(200))).toContain(`${'x'.repeat(80)}…`)
  })

  it('reads the board of a /b/<id> path and nothing else', () => {
    expect(boardIdOfPath('/b/abc')).toBe('abc')
    expect(boardIdOfPath('/b/abc/')).toBe('abc')
    expect(boardIdOfPath('/b/abc/history')).toBeNull()
    expect(boardIdOfPath('/b/..')).toBeNull()
    expect(boardIdOfPath(`/b/${'a'.repeat(65)}`)).toBeNull()
    expect(boardIdOfPath('/board/abc')).toBeNull()
  })
})
