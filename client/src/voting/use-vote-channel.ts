import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { VoteChannel, type VoteChannelState } from './vote-channel.ts'

const NO_CHANNEL: VoteChannelState = {
  voteId: null,
  mine: null,
  votesLeft: null,
  voters: null,
  problem: null,
}
const noSubscription = () => () => {}
const noState = () => NO_CHANNEL

/**
 * The vote channel of the board's current provider, following `voteId`. A new provider (a reconnect
 * after a refusal) gets a new channel, which asks for my votes again.
 */
export function useVoteChannel(
  provider: HocuspocusProvider | null,
  voteId: string | null,
): { channel: VoteChannel | null; state: VoteChannelState } {
  const [channel, setChannel] = useState<VoteChannel | null>(null)
  useEffect(() => {
    if (provider === null) return
    const made = new VoteChannel(provider)
    setChannel(made)
    return () => {
      made.destroy()
      setChannel(null)
    }
  }, [provider])
  useEffect(() => {
    if (channel === null || provider === null) return
    channel.follow(voteId)
    // After a dropped socket the server may have stored votes this page never heard answered.
    const askAgain = () => channel.follow(voteId)
    provider.on('synced', askAgain)
    return () => {
      provider.off('synced', askAgain)
    }
  }, [channel, provider, voteId])
  const state = useSyncExternalStore(channel?.subscribe ?? noSubscription, channel?.state ?? noState)
  return { channel, state }
}
