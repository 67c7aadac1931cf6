import { useEffect } from 'react'
import type { Editor } from 'tldraw'
import type { SidebarTab } from './board-sidebar-context.ts'

/**
 * While the Checks tab shows, a shape the person creates brings up the Properties tab: a new step
 * wants its owner and estimate next, and the checks list hid them. Only creation switches, not
 * selection: clicking an issue in the checks list selects its shape, and that must keep the list in
 * view. Only this person's own shapes count; a collaborator's new shape moves nobody's panels.
 */
export function usePropertiesOnCreate(
  editor: Editor | null,
  tab: SidebarTab,
  onTabChange: (tab: SidebarTab) => void,
): void {
  useEffect(() => {
    if (!editor || tab !== 'checks') return
    return editor.sideEffects.registerAfterCreateHandler('shape', (_shape, source) => {
      if (source === 'user') onTabChange('properties')
    })
  }, [editor, tab, onTabChange])
}
