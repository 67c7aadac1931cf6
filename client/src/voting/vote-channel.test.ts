import type { HocuspocusProvider } from '@hocuspocus/provider'
import { describe, expect, it } from 'vitest'
import { VoteChannel } from './vote-channel.ts'

/** Just enough of a provider: its stateless event and sendStateless. */
function fakeProvider() {
  const listeners = new Set<(event: { payload: string }) => void>()
  const sent: unknown[] = []
  const provider = {
    on: (_: 'stateless', listener: (event: { payload: string }) => void) => listeners.add(listener),
    off: (_: 'stateless', listener: (event: { payload: string }) => void) => listeners.delete(listener),
    sendStateless: (text: string) => sent.push(JSON.parse(text)),
  }
  const receive = (message: object) => {
    for (const listener of listeners) listener({ payload: JSON.stringify({ version: 1, ...message }) })
  }
  return { provider: provider as unknown as HocuspocusProvider, sent, receive, listeners }
}

describe('VoteChannel', () => {
  it('asks for my votes when it follows a vote, and keeps what the server answers about that vote', () => {
    const { provider, sent, receive } = fakeProvider()
    const channel = new VoteChannel(provider)
    channel.follow('v1')
    expect(sent).toEqual([{ type: 'vote-mine', voteId: 'v1', version: 1 }])
    receive({ type: 'vote-ballot', voteId: 'v1', shapeIds: ['shape:a'], votesLeft: 2 })
    receive({ type: 'vote-progress', voteId: 'v1', voters: 4 })
    expect(channel.state()).toMatchObject({ voteId: 'v1', mine: ['shape:a'], votesLeft: 2, voters: 4 })
    receive({ type: 'vote-refused', voteId: 'v1', reason: 'you have used all 3 of your votes' })
    expect(channel.state().problem).toBe('you have used all 3 of your votes')
    // A new request clears the last refusal.
    channel.send({ type: 'vote-withdraw', voteId: 'v1', shapeId: 'shape:a' })
    expect(channel.state().problem).toBeNull()
  })

  it('ignores answers about another vote, and anything it cannot read', () => {
    const { provider, receive, listeners } = fakeProvider()
    const channel = new VoteChannel(provider)
    channel.follow('v2')
    receive({ type: 'vote-ballot', voteId: 'v1', shapeIds: ['shape:old'], votesLeft: 0 })
    receive({ type: 'vote-ballot', voteId: 'v2', shapeIds: 'not a list', votesLeft: 1 })
    for (const listener of listeners) listener({ payload: 'not json' })
    expect(channel.state()).toMatchObject({ voteId: 'v2', mine: null })
    channel.destroy()
    expect(listeners.size).toBe(0)
  })
})
