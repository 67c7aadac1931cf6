/**
 * What a participant's editor does with a facilitator's attention message (protocol:
 * @flowmap/shared protocol/attention-messages.ts):
 *   - summon: the camera jumps once so the facilitator's viewport fills this screen (centred, whole);
 *   - follow: tldraw's own follow, which ends when the participant moves their camera;
 *   - take-control: follow with this camera locked, so the participant's pans and zooms do nothing, and
 *     follow again whenever following ends (the leader's presence blinked out, a summon moved the
 *     camera), until release.
 * The leader's presence may arrive after the message (a late joiner is sent take-control on connect,
 * before anyone's awareness): following then starts as soon as it is there.
 */
import type { AttentionMessage, AttentionViewport } from '@flowmap/shared'
import { atom, type Editor, react, type TLPageId } from 'tldraw'
import { userRecordId } from './presence-records.ts'

export type AttentionControl = { readonly leaderName: string; readonly leaderPersonId: string }

export type AttentionFollower = {
  apply(message: AttentionMessage): void
  /** Who holds this view while they have taken control; null otherwise. */
  control(): AttentionControl | null
  stop(): void
}

export function createAttentionFollower(editor: Editor, selfPersonId: () => string): AttentionFollower {
  const held = atom<AttentionControl | null>('attention control', null)
  // The leader this editor should be following once their presence is there (follow or control).
  const wanted = atom<{ personId: string; keep: boolean } | null>('attention leader', null)

  const stopWatching = react('flowmap: follow the attention leader', () => {
    const want = wanted.get()
    if (want === null) return
    const userId = userRecordId(want.personId)
    const present = editor.getCollaborators().some((presence) => presence.userId === userId)
    const following = editor.getInstanceState().followingUserId
    if (!present || following === userId) return
    // Written outside this reaction: starting to follow changes the instance state it reads.
    queueMicrotask(() => {
      if (wanted.get() !== want || editor.getInstanceState().followingUserId === userId) return
      editor.startFollowingUser(userId)
      // A plain follow is asked for once: when the participant moves away, it stays ended.
      if (!want.keep && editor.getInstanceState().followingUserId === userId) wanted.set(null)
    })
  })

  const release = () => {
    const was = held.get()
    held.set(null)
    wanted.set(null)
    if (was === null) return
    if (editor.getInstanceState().followingUserId === userRecordId(was.leaderPersonId))
      editor.stopFollowingUser()
    editor.setCameraOptions({ isLocked: false })
  }

  return {
    apply(message) {
      const { personId, name } = message.leader
      if (personId === selfPersonId()) return
      switch (message.action) {
        case 'summon':
          if (message.viewport !== null) showViewport(editor, message.viewport)
          return
        case 'follow':
          wanted.set({ personId, keep: false })
          return
        case 'take-control':
          held.set({ leaderName: name, leaderPersonId: personId })
          // Locked first: setCameraOptions moves the camera, which would end a follow already started.
          editor.setCameraOptions({ isLocked: true })
          wanted.set({ personId, keep: true })
          return
        case 'release':
          release()
          return
        default: {
          const unexpected: never = message.action
          throw new Error(`unhandled attention action ${String(unexpected)}`)
        }
      }
    },
    control: () => held.get(),
    stop() {
      stopWatching()
      release()
    },
  }
}

/** Moves the camera so `viewport` (page coordinates) is all on screen and centred, on its page. */
export function showViewport(editor: Editor, viewport: AttentionViewport): void {
  const pageId = viewport.pageId as TLPageId
  if (pageId !== editor.getCurrentPageId() && editor.getPage(pageId)) editor.setCurrentPage(pageId)
  const screen = editor.getViewportScreenBounds()
  const z = Math.min(screen.w / viewport.w, screen.h / viewport.h)
  editor.setCamera(
    {
      x: -viewport.x + (screen.w / z - viewport.w) / 2,
      y: -viewport.y + (screen.h / z - viewport.h) / 2,
      z,
    },
    // Forced: a summon reaches a participant whose camera is held by take-control too.
    { force: true, immediate: true },
  )
}

/** The facilitator's own viewport, as a summon carries it. */
export function currentViewport(editor: Editor): AttentionViewport {
  const bounds = editor.getViewportPageBounds()
  return { pageId: editor.getCurrentPageId(), x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
}
