/**
 * The two directions between a tldraw editor and a board's Yjs awareness:
 * 1. out: my presence (derived from the editor's session records by tldraw's getDefaultUserPresence)
 *    is published, throttled, as my awareness state;
 * 2. in: every peer's state is parsed and becomes an `instance_presence` record, merged into the store as
 *    a remote change. Those records are presence-scoped: the store ⇄ doc binding only writes document
 *    records, so they never enter the doc, and tldraw draws them as collaborators.
 */
import type { BoardRole } from '@flowmap/shared'
import { type Editor, getDefaultUserPresence, react, type TLRecord, UserRecordType } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import {
  AWARENESS_STATE_VERSION,
  type AwarenessState,
  parseAwarenessState,
  type SharedPresence,
} from './awareness-state.ts'
import type { PersonIdentity } from './identity.ts'
import { laserTrailToShare } from './laser-trail.ts'
import { presenceRecordFor, userRecordId } from './presence-records.ts'
import {
  type ReactionEmoji,
  type ReactionEvent,
  ReactionTracker,
  ReactionWindow,
  type SharedReaction,
} from './reactions.ts'

/** Someone on the board right now, as the people list shows them. */
export type Peer = {
  readonly clientId: number
  readonly person: PersonIdentity
  readonly role: BoardRole
  /** This device's clock when their pointer, selection or view last changed (or when they joined). */
  readonly activeAt: number
  readonly isSelf: boolean
}

export type PresenceBridgeOptions = {
  editor: Editor
  awareness: Awareness
  person: PersonIdentity
  role: BoardRole
  onPeers(peers: readonly Peer[]): void
  /** Reactions to float now, mine included (reactions.ts). */
  onReactions?(reactions: readonly ReactionEvent[]): void
  /** Milliseconds between two published states at most once (cursor moves come at frame rate). */
  publishIntervalMs?: number
  now?: () => number
}

export type PresenceBridge = {
  setPerson(person: PersonIdentity): void
  /** Sends a reaction to everyone; false when I am over the reaction limit (nothing sent). */
  sendReaction(emoji: ReactionEmoji): boolean
  stop(): void
}

const DEFAULT_PUBLISH_INTERVAL_MS = 50

export function connectPresence(options: PresenceBridgeOptions): PresenceBridge {
  const { editor, awareness, role } = options
  const now = options.now ?? Date.now
  const interval = options.publishIntervalMs ?? DEFAULT_PUBLISH_INTERVAL_MS
  let person = options.person
  let stopped = false
  let pending: ReturnType<typeof setTimeout> | null = null
  let lastPublishedAt = 0
  // Per peer: the sender's own activity stamp we last saw, and when we saw it change.
  const activity = new Map<number, { senderStamp: number | null; seenAt: number }>()
  // The presence records this bridge has put in the store (and so must take out again).
  const shown = new Set<TLRecord['id']>()
  let reaction: SharedReaction | null = null
  const myReactions = new ReactionWindow()
  const reactions = new ReactionTracker()

  const applyUserPreferences = () => {
    // tldraw hides presence records whose userId is its current user's, and follows by user id: the
    // editor's user must be the person this device publishes as.
    editor.user.updateUserPreferences({ id: person.id, name: person.name, color: person.color })
  }
  applyUserPreferences()

  const localState = (): AwarenessState => {
    const user = UserRecordType.create({
      id: userRecordId(person.id),
      name: person.name,
      color: person.color,
    })
    const info = getDefaultUserPresence(editor.store, user)
    const presence: SharedPresence | null = info && {
      currentPageId: info.currentPageId,
      cursor: info.cursor,
      camera: info.camera,
      screenBounds: info.screenBounds,
      selectedShapeIds: info.selectedShapeIds,
      brush: info.brush,
      followingUserId: info.followingUserId,
      lastActivityTimestamp: info.lastActivityTimestamp,
      scribbles: laserTrailToShare(info.scribbles),
    }
    return { v: AWARENESS_STATE_VERSION, person, role, presence, reaction }
  }

  const publish = () => {
    pending = null
    if (stopped) return
    lastPublishedAt = now()
    awareness.setLocalState(localState())
  }
  const schedulePublish = () => {
    if (pending !== null || stopped) return
    const wait = Math.max(0, lastPublishedAt + interval - now())
    pending = setTimeout(publish, wait)
  }

  // Runs once now and again whenever a session record it read (pointer, camera, selection …) changes.
  const stopReacting = react('flowmap: publish presence', () => {
    localState()
    schedulePublish()
  })

  const readPeers = () => {
    const peers: Peer[] = []
    const put: TLRecord[] = []
    const reacting: Parameters<ReactionTracker['next']>[0][number][] = []
    for (const [clientId, raw] of awareness.getStates()) {
      const isSelf = clientId === awareness.clientID
      const parsed = parseAwarenessState(raw)
      if (!parsed.ok) continue
      const { state } = parsed
      const stamp = state.presence?.lastActivityTimestamp ?? null
      const seen = activity.get(clientId)
      const seenAt = seen && seen.senderStamp === stamp ? seen.seenAt : now()
      activity.set(clientId, { senderStamp: stamp, seenAt })
      peers.push({ clientId, person: state.person, role: state.role, activeAt: seenAt, isSelf })
      reacting.push({
        clientId,
        reaction: state.reaction,
        name: state.person.name,
        color: state.person.color,
      })
      if (isSelf || state.presence === null) continue
      put.push(presenceRecordFor(clientId, { ...state, presence: state.presence }, seenAt))
    }
    for (const clientId of activity.keys())
      if (!awareness.getStates().has(clientId)) activity.delete(clientId)
    // Runs on every cursor move of every peer: it looks only at the presence records it put itself,
    // never at the whole store.
    const current = new Set(put.map((record) => record.id))
    const stale = [...shown].filter((id) => !current.has(id))
    shown.clear()
    for (const id of current) shown.add(id)
    editor.store.mergeRemoteChanges(() => {
      if (put.length > 0) editor.store.put(put)
      if (stale.length > 0) editor.store.remove(stale)
    })
    const floating = reactions.next(reacting, now())
    if (floating.length > 0) options.onReactions?.(floating)
    options.onPeers(
      peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.person.name.localeCompare(b.person.name)),
    )
  }

  const onChange = () => {
    if (!stopped) readPeers()
  }
  awareness.on('change', onChange)
  readPeers()

  return {
    setPerson(next) {
      person = next
      applyUserPreferences()
      schedulePublish()
    },
    sendReaction(emoji) {
      if (stopped || !myReactions.admit(now())) return false
      reaction = { seq: (reaction?.seq ?? 0) + 1, emoji }
      schedulePublish()
      return true
    },
    stop() {
      stopped = true
      if (pending !== null) clearTimeout(pending)
      stopReacting()
      awareness.off('change', onChange)
      const ids = [...shown]
      shown.clear()
      editor.store.mergeRemoteChanges(() => editor.store.remove(ids))
      // Others should not keep seeing a cursor of a board this tab has left.
      awareness.setLocalState(null)
    },
  }
}
