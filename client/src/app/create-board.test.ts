import { describe, expect, it } from 'vitest'
import { createBoard, generateLocalBoardId } from './create-board.ts'

/** What the server answers to POST /api/boards (sync-server's boards route). */
function createdBody(id: string): unknown {
  const now = new Date(0).toISOString()
  return { id, title: 'T', createdAt: now, updatedAt: now, url: `http://localhost/b/${id}` }
}

function answering(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('createBoard', () => {
  it('uses the id the server gives, sending the title as JSON', async () => {
    let sent: { url: string; init: RequestInit | undefined } | null = null
    const fetchFn: typeof fetch = async (url, init) => {
      sent = { url: String(url), init }
      return new Response(JSON.stringify(createdBody('srv-1')), { status: 201 })
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
    const created = await createBoard({ fetch: answering(201, createdBody('../etc')) })
    expect(created.source).toBe('local')
    expect(created.note).toContain('invalid board id "../etc"')
  })

  it('falls back to a local id and names the field when the answer is malformed', async () => {
    const noId = await createBoard({ fetch: answering(201, { title: 'T' }) })
    expect(noId.source).toBe('local')
    expect(noId.note).toMatch(/the new board \(POST \/api\/boards\) is malformed: .*id/)
    const notAnObject = await createBoard({ fetch: answering(201, ['srv-1']) })
    expect(notAnObject.note).toContain('the new board (POST /api/boards) is not a JSON object')
  })
})

describe('generateLocalBoardId', () => {
  it('gives different ids from different random bytes', () => {
    expect(generateLocalBoardId()).not.toBe(generateLocalBoardId())
  })
})
