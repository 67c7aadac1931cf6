import { describe, expect, it } from 'vitest'
import { pathMatcher } from './route-path.ts'

describe('pathMatcher', () => {
  it('takes the board id from its segment, percent-decoded', () => {
    const match = pathMatcher('/api/boards/:boardId/history')
    expect(match('/api/boards/b%2D1/history')).toEqual({ boardId: 'b-1', params: { boardId: 'b-1' } })
    expect(match('/api/boards/b1/history/at')).toBeNull()
    expect(match('/api/boards//history')).toBeNull()
  })

  it('accepts one trailing slash under /api, as the API always has, and none on the operational paths', () => {
    expect(pathMatcher('/api/boards')('/api/boards/')).toEqual({ boardId: null, params: {} })
    expect(pathMatcher('/api/boards/:boardId')('/api/boards/b1/')).toEqual({
      boardId: 'b1',
      params: { boardId: 'b1' },
    })
    expect(pathMatcher('/healthz')('/healthz/')).toBeNull()
    expect(pathMatcher('/config.json')('/configXjson')).toBeNull()
  })
})
