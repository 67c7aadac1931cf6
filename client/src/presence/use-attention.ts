import {
  ATTENTION_MESSAGE_TYPE,
  ATTENTION_REFUSED_TYPE,
  type AttentionAction,
  attentionRequest,
  parseStatelessMessage,
} from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import {
  type AttentionControl,
  type AttentionFollower,
  createAttentionFollower,
  currentViewport,
} from './attention-follower.ts'

export type Attention = {
  /** Who holds this participant's view (take control), or null. */
  control: AttentionControl | null
  /** For a facilitator: whether they hold everyone's view now. */
  holdingControl: boolean
  /** Why the server did not act on this page's last request, until the next one. */
  refusal: string | null
  /** Sends a facilitator's request (the server checks the role; a participant's is refused). */
  request(action: AttentionAction): void
}

/**
 * Attention on one board: the server's attention messages drive this editor's camera
 * (attention-follower.ts), and a facilitator's requests go out on the provider's stateless channel.
 */
export function useAttention(options: {
  editor: Editor | null
  provider: HocuspocusProvider | null
  personId: string
}): Attention {
  const { editor, provider, personId } = options
  const [follower, setFollower] = useState<AttentionFollower | null>(null)
  const [holdingControl, setHoldingControl] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const personRef = useRef(personId)
  personRef.current = personId

  useEffect(() => {
    if (!editor) return
    const created = createAttentionFollower(editor, () => personRef.current)
    setFollower(created)
    return () => {
      created.stop()
      setFollower(null)
    }
  }, [editor])

  useEffect(() => {
    if (!provider || !follower) return
    const onStateless = ({ payload }: { payload: string }) => {
      const parsed = parseStatelessMessage(payload)
      if (!parsed.ok) return
      const { message } = parsed
      if (message.type === ATTENTION_MESSAGE_TYPE) follower.apply(message)
      if (message.type === ATTENTION_REFUSED_TYPE) {
        setRefusal(message.reason)
        if (message.action === 'take-control') setHoldingControl(false)
      }
    }
    // The server releases a facilitator's control when their connection closes.
    const onDisconnect = () => setHoldingControl(false)
    provider.on('stateless', onStateless)
    provider.on('disconnect', onDisconnect)
    return () => {
      provider.off('stateless', onStateless)
      provider.off('disconnect', onDisconnect)
    }
  }, [provider, follower])

  const request = useCallback(
    (action: AttentionAction) => {
      if (!provider || !editor) return
      setRefusal(null)
      const viewport = action === 'summon' ? currentViewport(editor) : null
      provider.sendStateless(JSON.stringify(attentionRequest(action, personRef.current, viewport)))
      if (action === 'take-control') setHoldingControl(true)
      if (action === 'release') setHoldingControl(false)
    },
    [provider, editor],
  )

  const control = useValue('attention control', () => follower?.control() ?? null, [follower])
  return { control, holdingControl, refusal, request }
}
