// @vitest-environment happy-dom

import { type AttentionMessage, FLOWMAP_PROTOCOL_VERSION } from '@flowmap/shared'
import { Box, type Editor } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWorkflowEditor } from '../shapes/workflow-editor.test-support.ts'
import { type AttentionFollower, createAttentionFollower, showViewport } from './attention-follower.ts'

function message(action: AttentionMessage['action'], personId = 'person-fay'): AttentionMessage {
  return {
    type: 'attention',
    version: FLOWMAP_PROTOCOL_VERSION,
    action,
    leader: { personId, name: 'Fay' },
    viewport: null,
  }
}

describe('attention follower', () => {
  let editor: Editor
  let follower: AttentionFollower

  beforeEach(() => {
    editor = createWorkflowEditor()
    editor.updateViewportScreenBounds(new Box(0, 0, 1000, 500))
    follower = createAttentionFollower(editor, () => 'person-me')
  })
  afterEach(() => {
    follower.stop()
    editor.dispose()
  })

  it.each([
    [{ x: 100, y: 50, w: 400, h: 300 }],
    [{ x: -2000, y: 900, w: 3000, h: 200 }],
    [{ x: 0, y: 0, w: 1000, h: 500 }],
  ])("a summon puts the whole of the facilitator's viewport %j on screen, centred", (box) => {
    showViewport(editor, { pageId: editor.getCurrentPageId(), ...box })
    const shown = editor.getViewportPageBounds()
    expect(shown.minX).toBeLessThanOrEqual(box.x + 1e-6)
    expect(shown.minY).toBeLessThanOrEqual(box.y + 1e-6)
    expect(shown.maxX).toBeGreaterThanOrEqual(box.x + box.w - 1e-6)
    expect(shown.maxY).toBeGreaterThanOrEqual(box.y + box.h - 1e-6)
    expect(shown.center.x).toBeCloseTo(box.x + box.w / 2)
    expect(shown.center.y).toBeCloseTo(box.y + box.h / 2)
    // One side fits exactly: the view is as close as the whole box allows.
    expect(Math.min(shown.w - box.w, shown.h - box.h)).toBeCloseTo(0)
  })

  it("take control holds the participant's camera until release, and says who holds it", () => {
    follower.apply(message('take-control'))
    expect(follower.control()).toEqual({ leaderName: 'Fay', leaderPersonId: 'person-fay' })
    const held = editor.getCamera()
    editor.setCamera({ x: 400, y: 300, z: 2 })
    expect(editor.getCamera()).toMatchObject({ x: held.x, y: held.y, z: held.z })

    follower.apply(message('release'))
    expect(follower.control()).toBeNull()
    editor.setCamera({ x: 400, y: 300, z: 2 })
    expect(editor.getCamera()).toMatchObject({ x: 400, y: 300, z: 2 })
  })

  it('a summon still reaches a participant whose view is held', () => {
    follower.apply(message('take-control'))
    follower.apply({
      ...message('summon'),
      viewport: { pageId: editor.getCurrentPageId(), x: 0, y: 0, w: 500, h: 250 },
    })
    const { x, y, w, h } = editor.getViewportPageBounds()
    expect([x + 0, y + 0, w, h]).toEqual([0, 0, 500, 250])
  })

  it('my own attention, from another of my tabs, does not move or hold me', () => {
    follower.apply(message('take-control', 'person-me'))
    expect(follower.control()).toBeNull()
    editor.setCamera({ x: 10, y: 20, z: 1 })
    expect(editor.getCamera()).toMatchObject({ x: 10, y: 20, z: 1 })
  })
})
