// @vitest-environment happy-dom

import type { Editor } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createWorkflowEditor } from '../shapes/workflow-editor.test-support.ts'
import { connectPresence, type Peer, type PresenceBridge } from './awareness-bridge.ts'
import { awarenessState } from './awareness-state.test-support.ts'

/** A peer's awareness, as another tab would set it; its updates reach ours like the provider's would. */
function peerSaying(ours: Awareness, state: unknown): Awareness {
  const theirs = new Awareness(new Y.Doc())
  theirs.setLocalState(state as Record<string, unknown>)
  // y-protocols keeps remote states in the same map the provider fills from the wire.
  ours.states.set(theirs.clientID, theirs.getLocalState() as Record<string, unknown>)
  ours.meta.set(theirs.clientID, { clock: 1, lastUpdated: Date.now() })
  ours.emit('change', [{ added: [theirs.clientID], updated: [], removed: [] }, 'remote'])
  return theirs
}

function leave(ours: Awareness, theirs: Awareness): void {
  ours.states.delete(theirs.clientID)
  ours.emit('change', [{ added: [], updated: [], removed: [theirs.clientID] }, 'remote'])
}

const ada = awarenessState(
  { id: 'ada-person', name: 'Ada', color: '#1971c2' },
  { cursor: { x: 40, y: 50 }, selectedShapeIds: ['shape:s1'], screenBounds: { x: 0, y: 0, w: 800, h: 600 } },
)

describe('presence bridge', () => {
  let editor: Editor
  let awareness: Awareness
  let bridge: PresenceBridge
  let peers: readonly Peer[]

  beforeEach(() => {
    editor = createWorkflowEditor()
    awareness = new Awareness(new Y.Doc())
    peers = []
    bridge = connectPresence({
      editor,
      awareness,
      person: { id: 'me-person', name: 'Me', color: '#2f9e44' },
      role: 'facilitator',
      publishIntervalMs: 0,
      onPeers: (next) => {
        peers = next
      },
    })
  })
  afterEach(() => {
    bridge.stop()
    editor.dispose()
  })

  it("a peer's valid state becomes a tldraw collaborator with its cursor, selection and colour", async () => {
    peerSaying(awareness, ada)
    const [collaborator] = editor.getCollaborators()
    expect(collaborator).toMatchObject({
      userName: 'Ada',
      color: '#1971c2',
      cursor: { x: 40, y: 50 },
      selectedShapeIds: ['shape:s1'],
    })
    // My own state is published a tick later (throttled); the list then holds me first.
    await expect
      .poll(() => peers.map((peer) => [peer.person.name, peer.role, peer.isSelf]))
      .toEqual([
        ['Me', 'facilitator', true],
        ['Ada', 'editor', false],
      ])
  })

  it('a malformed state is ignored: no collaborator, not in the people list', () => {
    peerSaying(awareness, { ...ada, presence: { ...ada.presence, cursor: { x: 'left' } } })
    peerSaying(awareness, { hello: 'world' })
    expect(editor.getCollaborators()).toEqual([])
    expect(peers.filter((peer) => !peer.isSelf)).toEqual([])
  })

  it("a peer who leaves takes their cursor with them, and stopping removes every peer's", () => {
    const theirs = peerSaying(awareness, ada)
    peerSaying(awareness, { ...ada, person: { ...ada.person, id: 'bob-person', name: 'Bob' } })
    expect(editor.getCollaborators().map((c) => c.userName)).toEqual(['Ada', 'Bob'])
    leave(awareness, theirs)
    expect(editor.getCollaborators().map((c) => c.userName)).toEqual(['Bob'])
    bridge.stop()
    expect(editor.store.query.records('instance_presence').get()).toEqual([])
  })

  it('publishes who I am and my presence, and the presence never enters document records', async () => {
    await expect
      .poll(() => (awareness.getLocalState() as { person?: unknown } | null)?.person)
      .toEqual({
        id: 'me-person',
        name: 'Me',
        color: '#2f9e44',
      })
    peerSaying(awareness, ada)
    expect(
      Object.keys(editor.store.serialize('document')).some((id) => id.startsWith('instance_presence')),
    ).toBe(false)
  })
})
