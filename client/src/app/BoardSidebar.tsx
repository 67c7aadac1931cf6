import { type KeyboardEvent, type ReactNode, useEffect } from 'react'
import type { Editor } from 'tldraw'
import { UnreadMentionsBadge } from '../comments/UnreadMentionsBadge.tsx'
import type { SidebarTab } from './board-sidebar-context.ts'
import { usePropertiesOnCreate } from './use-properties-on-create.ts'

const TABS: readonly { id: SidebarTab; label: string }[] = [
  { id: 'properties', label: 'Properties' },
  { id: 'checks', label: 'Checks' },
  { id: 'insights', label: 'Insights' },
  { id: 'comments', label: 'Comments' },
  { id: 'activity', label: 'Activity' },
]

type BoardSidebarProps = {
  open: boolean
  tab: SidebarTab
  onTabChange(tab: SidebarTab): void
  panels: Record<SidebarTab, ReactNode>
  /** The board's editor once mounted: a shape created while Checks shows brings up Properties. */
  editor?: Editor | null
}

/**
 * The panels beside the board, one tab at a time: properties (inspector and roles), checks (lint),
 * insights, comments, activity. Hidden tabs stay mounted: the checks panel keeps the live lint that the toolbar count
 * and the badges on shapes show, whichever tab is open.
 */
export function BoardSidebar({ open, tab, onTabChange, panels, editor = null }: BoardSidebarProps) {
  usePropertiesOnCreate(editor, tab, onTabChange)
  // The shown tab is never cut off at the row's edge (the row scrolls when the labels do not fit).
  useEffect(() => {
    document.getElementById(`flowmap-tab-${tab}`)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  }, [tab])
  // The ARIA tabs pattern: one Tab stop for the tab list, arrows (and Home/End) move between tabs.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex(({ id }) => id === tab)
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null
    if (next === null) return
    event.preventDefault()
    const id = TABS[next]!.id
    onTabChange(id)
    document.getElementById(`flowmap-tab-${id}`)?.focus()
  }
  return (
    <aside className="flowmap-sidebar" id="flowmap-sidebar" aria-label="Board panels" hidden={!open}>
      <div className="flowmap-sidebar__tabs" role="tablist" aria-label="Board panels" onKeyDown={onKeyDown}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`flowmap-tab-${id}`}
            className="flowmap-sidebar__tab"
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            aria-controls={`flowmap-tabpanel-${id}`}
            data-testid={`sidebar-tab-${id}`}
            onClick={() => onTabChange(id)}
          >
            {label}
            {id === 'comments' && <UnreadMentionsBadge editor={editor} />}
          </button>
        ))}
      </div>
      {TABS.map(({ id }) => (
        <div
          key={id}
          role="tabpanel"
          id={`flowmap-tabpanel-${id}`}
          aria-labelledby={`flowmap-tab-${id}`}
          className="flowmap-sidebar__panel"
          hidden={tab !== id}
        >
          {panels[id]}
        </div>
      ))}
    </aside>
  )
}
