import { describe, expect, it } from 'vitest'
import { fetchServerBoards } from './server-boards.ts'

const answering = (body: unknown) => async () => Response.json(body)

describe('fetchServerBoards', () => {
  it('reads the board list, with its ISO times as ms', async () => {
    const board = {
      id: 'b1',
      title: 'Order to cash',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    }
    expect(await fetchServerBoards({ token: null, fetch: answering({ boards: [board] }) })).toEqual({
      ok: true,
      boards: [
        {
          id: 'b1',
          title: 'Order to cash',
          createdAt: Date.parse(board.createdAt),
          updatedAt: Date.parse(board.updatedAt),
        },
      ],
    })
  })

  it('says what is wrong with a board list it cannot read, instead of showing part of it', async () => {
    expect(await fetchServerBoards({ token: null, fetch: answering({ boards: [{ id: 42 }] }) })).toEqual({
      ok: false,
      message:
        'The server answered without a board list: the board list (GET /api/boards) is malformed: At boards.0.id: Expected string, got a number.',
    })
    expect(await fetchServerBoards({ token: null, fetch: answering('boards') })).toEqual({
      ok: false,
      message:
        'The server answered without a board list: the board list (GET /api/boards) is not a JSON object.',
    })
  })
})
