import { describe, expect, it } from 'vitest'
import { boardPath, parseRoute } from './routes.ts'

describe('parseRoute', () => {
  it('sends the root to the home page, and /new to the page that creates a board', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'home', token: null })
    expect(parseRoute('/', '?token=abc')).toEqual({ page: 'home', token: 'abc' })
    expect(parseRoute('/new', '?token=abc')).toEqual({
      page: 'new-board',
      token: 'abc',
      title: null,
      template: null,
    })
    expect(parseRoute('/new', '?title=%20Hiring%20')).toEqual({
      page: 'new-board',
      token: null,
      title: 'Hiring',
      template: null,
    })
    expect(parseRoute('/new', '?template=sipoc')).toMatchObject({ page: 'new-board', template: 'sipoc' })
  })

  it('opens a board with the share token from the query string', () => {
    expect(parseRoute('/b/abc_123', '?token=ey.J.x')).toEqual({
      page: 'board',
      boardId: 'abc_123',
      token: 'ey.J.x',
    })
  })

  it('opens a board without a token when none is given or it is empty', () => {
    expect(parseRoute('/b/abc/', '')).toEqual({ page: 'board', boardId: 'abc', token: null })
    expect(parseRoute('/b/abc', '?token=')).toEqual({ page: 'board', boardId: 'abc', token: null })
  })

  it('refuses board ids with characters a document name cannot carry', () => {
    expect(parseRoute('/b/a%2Fb', '')).toEqual({ page: 'not-found', path: '/b/a%2Fb' })
    expect(parseRoute('/boards', '')).toEqual({ page: 'not-found', path: '/boards' })
  })
})

describe('boardPath', () => {
  it('round-trips through parseRoute, token included', () => {
    const path = boardPath('x-1', 'a+b/c=')
    const url = new URL(path, 'http://localhost')
    expect(parseRoute(url.pathname, url.search)).toEqual({ page: 'board', boardId: 'x-1', token: 'a+b/c=' })
    expect(boardPath('x-1')).toBe('/b/x-1')
  })
})
