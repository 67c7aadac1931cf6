import type { BoardRole } from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { connectPresence, type Peer, type PresenceBridge } from './awareness-bridge.ts'
import type { PersonIdentity } from './identity.ts'

/**
 * Keeps the editor and the board's awareness in step for as long as both exist. The provider changes
 * when the sync layer resets the board after a refusal; the bridge follows it.
 */
export function usePresence(options: {
  editor: Editor | null
  provider: HocuspocusProvider | null
  person: PersonIdentity
  role: BoardRole
}): readonly Peer[] {
  const { editor, provider, person, role } = options
  const [peers, setPeers] = useState<readonly Peer[]>([])
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

  return peers
}
