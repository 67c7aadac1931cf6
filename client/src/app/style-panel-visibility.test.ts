import { describe, expect, it } from 'vitest'
import { stylePanelVisible } from './style-panel-visibility.ts'

describe('stylePanelVisible', () => {
  it('stays closed with nothing selected under the select, hand and workflow tools', () => {
    for (const toolId of ['select', 'hand', 'zoom', 'laser', 'eraser', 'step', 'lane', 'decision']) {
      expect(stylePanelVisible({ selectedCount: 0, toolId })).toBe(false)
    }
  })
  it('opens with a selection, whatever the tool', () => {
    expect(stylePanelVisible({ selectedCount: 1, toolId: 'select' })).toBe(true)
    expect(stylePanelVisible({ selectedCount: 3, toolId: 'hand' })).toBe(true)
  })
  it('opens with a drawing tool whose next shape it styles, so one can pick arcs before drawing', () => {
    expect(stylePanelVisible({ selectedCount: 0, toolId: 'arrow' })).toBe(true)
    expect(stylePanelVisible({ selectedCount: 0, toolId: 'geo' })).toBe(true)
  })
})
