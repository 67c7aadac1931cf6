import type { BoardRole } from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { connectPresence, type Peer, type PresenceBridge } from './awareness-bridge.ts'
import type { PersonIdentity } from './identity.ts'
import type { ReactionEmoji, ReactionEvent } from './reactions.ts'

/**
 * Keeps the editor and the board's awareness in step for as long as both exist. The provider changes
 * when the sync layer resets the board after a refusal; the bridge follows it.
 */
export function usePresence(options: {
  editor: Editor | null
  provider: HocuspocusProvider | null
  person: PersonIdentity
  role: BoardRole
  onReactions(reactions: readonly ReactionEvent[]): void
}): { peers: readonly Peer[]; sendReaction(emoji: ReactionEmoji): boolean } {
  const { editor, provider, person, role } = options
  const [peers, setPeers] = useState<readonly Peer[]>([])
  const onReactions = useRef(options.onReactions)
  onReactions.current = options.onReactions
  const bridge = useRef<PresenceBridge | null>(null)
  const personRef = useRef(person)
  personRef.current = person

  useEffect(() => {
    const awareness = provider?.awareness
    if (!editor || !awareness) return
    const connected = connectPresence({
      editor,
      awareness,
      person: personRef.current,
      role,
      onPeers: setPeers,
      onReactions: (reactions) => onReactions.current(reactions),
    })
    bridge.current = connected
    return () => {
      connected.stop()
      bridge.current = null
      setPeers([])
    }
  }, [editor, provider, role])

  useEffect(() => {
    bridge.current?.setPerson(person)
  }, [person])

  const sendReaction = useCallback((emoji: ReactionEmoji) => bridge.current?.sendReaction(emoji) ?? false, [])
  return { peers, sendReaction }
}
