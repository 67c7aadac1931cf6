import { describe, expect, it } from 'vitest'
import { boardIdFromResponse, createBoard, generateLocalBoardId } from './create-board.ts'

function answering(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('createBoard', () => {
  it('uses the id the server gives, sending the title as JSON', async () => {
    let sent: { url: string; init: RequestInit | undefined } | null = null
    const fetchFn: typeof fetch = async (url, init) => {
      sent = { url: String(url), init }
      return new Response(JSON.stringify({ id: 'srv-1', title: 'T' }), { status: 201 })
    }
    const created = await createBoard({ title: 'Onboarding', fetch: fetchFn })
    expect(created).toEqual({ boardId: 'srv-1', source: 'server', note: null })
    expect(sent!.url).toBe('/api/boards')
    expect(JSON.parse(String(sent!.init?.body))).toEqual({ title: 'Onboarding' })
  })

  it('falls back to a local id and says why when the server refuses', async () => {
    const created = await createBoard({ fetch: answering(503, { error: 'down' }) })
    expect(created.source).toBe('local')
    expect(created.boardId).toMatch(/^[a-z0-9]{16}$/)
    expect(created.note).toContain('503')
  })

  it('falls back to a local id when the network fails', async () => {
    const created = await createBoard({
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    expect(created.source).toBe('local')
    expect(created.note).toContain('Failed to fetch')
  })

  it('does not trust an id that is not a safe document name', async () => {
    const created = await createBoard({ fetch: answering(200, { id: '../etc' }) })
    expect(created.source).toBe('local')
  })
})

describe('boardIdFromResponse', () => {
  it('reads both answer shapes', () => {
    expect(boardIdFromResponse({ id: 'a' })).toBe('a')
    expect(boardIdFromResponse({ board: { id: 'b' } })).toBe('b')
    expect(boardIdFromResponse('x')).toBeNull()
  })
})

describe('generateLocalBoardId', () => {
  it('gives different ids from different random bytes', () => {
    expect(generateLocalBoardId()).not.toBe(generateLocalBoardId())
  })
})
