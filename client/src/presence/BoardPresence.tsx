import { type BoardRole, canFacilitateBoard, type PeopleMessage } from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { usePopover } from '../app/use-popover.ts'
import { AttentionMenu } from './AttentionMenu.tsx'
import { ControlBanner } from './ControlBanner.tsx'
import { FloatingReactions } from './FloatingReactions.tsx'
import { FollowingBanner } from './FollowingBanner.tsx'
import { colorAvoidingOthers } from './identity.ts'
import { type PeopleManagement, PeoplePanel } from './PeoplePanel.tsx'
import { ReactionPicker } from './ReactionPicker.tsx'
import type { ReactionEvent } from './reactions.ts'
import { useAttention } from './use-attention.ts'
import { useIdentity } from './use-identity.ts'
import { usePresence } from './use-presence.ts'
import './presence.css'

const MAX_AVATARS = 5
/** Reactions floating at once; more (a busy room) push out the oldest. */
const MAX_FLOATING = 24

/**
 * The board's presence in the header: avatars of who is here, a People button with the list (role,
 * online/idle, Follow) and my name and colour; a facilitator's attention menu; the reaction picker and the reactions floating up; and the "Following X"
 * banner (or, while a facilitator has taken control, who has). Cursors and selection
 * outlines of others are drawn by tldraw itself from the presence records the bridge feeds it.
 */
export function BoardPresence({
  editor,
  provider,
  role,
  suggestedName,
  people,
  management,
}: {
  editor: Editor | null
  provider: HocuspocusProvider | null
  role: BoardRole
  suggestedName: string | null
  /** who is on the board as the server verified them; null until it says */
  people: PeopleMessage | null
  /** set for a facilitator: the panel then offers role changes and removal */
  management: PeopleManagement | null
}) {
  const [identity, setIdentity] = useIdentity(suggestedName)
  const [floating, setFloating] = useState<readonly ReactionEvent[]>([])
  const onReactions = useCallback((arrived: readonly ReactionEvent[]) => {
    setFloating((shown) => [...shown, ...arrived].slice(-MAX_FLOATING))
  }, [])
  const onFloated = useCallback((key: string) => {
    setFloating((shown) => shown.filter((reaction) => reaction.key !== key))
  }, [])
  const { peers, sendReaction } = usePresence({ editor, provider, person: identity, role, onReactions })
  const attention = useAttention({ editor, provider, personId: identity.id })
  const { open, setOpen, root } = usePopover()
  const panelId = useId()

  const others = peers.filter((peer) => !peer.isSelf)
  const self = peers.find((peer) => peer.isSelf)
  const nextColor = self
    ? colorAvoidingOthers(
        { clientId: self.clientId, color: identity.color, colorChosen: identity.colorChosen === true },
        others.map((peer) => ({ clientId: peer.clientId, color: peer.person.color })),
      )
    : null
  useEffect(() => {
    if (nextColor) setIdentity({ ...identity, color: nextColor })
  }, [nextColor, identity, setIdentity])
  // Without a share token the connection's token is this person (identity-token.ts): send it again on a
  // rename, so the server credits the next edits to the new name without a reconnect.
  const sentName = useRef(identity.name)
  useEffect(() => {
    if (sentName.current === identity.name || !provider) return
    sentName.current = identity.name
    void provider.sendToken()
  }, [identity.name, provider])

  return (
    <div className="flowmap-presence" ref={root}>
      <div className="flowmap-presence__avatars" aria-hidden="true">
        {others.slice(0, MAX_AVATARS).map((peer) => (
          <span
            key={peer.clientId}
            className="flowmap-presence__avatar"
            style={{ background: peer.person.color }}
            title={peer.person.name}
          >
            {peer.person.name.slice(0, 1).toUpperCase()}
          </span>
        ))}
      </div>
      <button
        type="button"
        className="flowmap-button"
        data-testid="people-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        People ({others.length + 1})
      </button>
      <div id={panelId} className="flowmap-presence__popover" hidden={!open}>
        <PeoplePanel
          editor={editor}
          peers={peers}
          people={people}
          identity={identity}
          onIdentityChange={setIdentity}
          management={management}
        />
      </div>
      {canFacilitateBoard(role) && <AttentionMenu attention={attention} />}
      {attention.control ? (
        <ControlBanner control={attention.control} />
      ) : (
        <FollowingBanner editor={editor} />
      )}
      {editor && <ReactionPicker onReact={sendReaction} />}
      <FloatingReactions reactions={floating} onDone={onFloated} />
    </div>
  )
}
