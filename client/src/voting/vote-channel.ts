/**
 * This page's side of dot voting's stateless messages (@flowmap/shared protocol/vote-messages.ts): sends
 * the person's requests through the board's provider and keeps what the server answered, which is only
 * ever this person's own votes (and, for a facilitator, how many people have voted).
 */
import {
  encodeVoteRequest,
  FLOWMAP_PROTOCOL_VERSION,
  parseStatelessMessage,
  type VoteRequest,
} from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'

export interface VoteChannelState {
  /** the vote these answers are about */
  voteId: string | null
  /** my votes, one entry per vote; null until the server has answered */
  mine: readonly string[] | null
  votesLeft: number | null
  /** facilitators: how many have voted */
  voters: number | null
  /** the server's last refusal, in its words */
  problem: string | null
}

const EMPTY: VoteChannelState = { voteId: null, mine: null, votesLeft: null, voters: null, problem: null }

export class VoteChannel {
  #state: VoteChannelState = EMPTY
  readonly #listeners = new Set<() => void>()
  readonly #provider: HocuspocusProvider
  readonly #stop: () => void

  constructor(provider: HocuspocusProvider) {
    this.#provider = provider
    const onStateless = ({ payload }: { payload: string }) => this.#read(payload)
    provider.on('stateless', onStateless)
    this.#stop = () => provider.off('stateless', onStateless)
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  readonly state = (): VoteChannelState => this.#state

  /** Starts following `voteId` (or nothing): forgets the last vote's answers and asks for my votes. */
  follow(voteId: string | null): void {
    if (this.#state.voteId !== voteId) this.#set({ ...EMPTY, voteId })
    if (voteId !== null) this.send({ type: 'vote-mine', voteId })
  }

  send(request: VoteRequest): void {
    if (request.type !== 'vote-mine') this.#set({ ...this.#state, problem: null })
    this.#provider.sendStateless(encodeVoteRequest(request, FLOWMAP_PROTOCOL_VERSION))
  }

  destroy(): void {
    this.#stop()
    this.#listeners.clear()
  }

  #read(payload: string): void {
    const parsed = parseStatelessMessage(payload)
    if (!parsed.ok) return
    const { message } = parsed
    // Other messages (refusals, people lists) are the board connection's.
    if (message.type !== 'vote-ballot' && message.type !== 'vote-progress' && message.type !== 'vote-refused')
      return
    // An answer about another vote (one closed a moment ago) is stale.
    if (message.voteId !== null && message.voteId !== this.#state.voteId) return
    switch (message.type) {
      case 'vote-ballot':
        this.#set({ ...this.#state, mine: message.shapeIds, votesLeft: message.votesLeft })
        return
      case 'vote-progress':
        this.#set({ ...this.#state, voters: message.voters })
        return
      case 'vote-refused':
        this.#set({ ...this.#state, problem: message.reason })
        return
      default: {
        const unexpected: never = message
        throw new Error(`unhandled vote message ${String((unexpected as { type: unknown }).type)}`)
      }
    }
  }

  #set(next: VoteChannelState): void {
    this.#state = next
    for (const listener of this.#listeners) listener()
  }
}
