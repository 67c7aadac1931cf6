import { MAX_BOARD_TITLE_CHARS } from '@flowmap/shared'
import { type ReactNode, useEffect, useState } from 'react'
import type { BoardModel } from '../sync/board-model.ts'
import { ConnectionStatusChip } from '../sync/ConnectionStatusChip.tsx'
import { useLiveValue } from '../sync/use-board-model.ts'
import type { BoardSource } from './board-source.ts'
import { usePopover } from './use-popover.ts'
import './phone.css'
import './tablet.css'
import './touch-targets.css'

/**
 * The strip above the board: where you are (Flowmap, the board's title) and how the board is doing
 * (the sync layer's connection chip, with what went wrong below it when something did).
 */
type BoardHeaderProps = {
  board: BoardSource
  /** The board's title is read and written through it; null while the board is loading. */
  model: BoardModel | null
  viewOnly: boolean
  panelsOpen: boolean
  onTogglePanels(): void
  /** People, Export and Share (client/src/presence, export, share), placed before the Panels button. */
  actions?: ReactNode
}

export function BoardHeader({
  board,
  model,
  viewOnly,
  panelsOpen,
  onTogglePanels,
  actions,
}: BoardHeaderProps) {
  const title = useLiveValue(model?.meta ?? null)?.title ?? ''
  const [draft, setDraft] = useState<string | null>(null)
  const menu = usePopover()

  useEffect(() => {
    document.title = title ? `${title} · Flowmap` : 'Flowmap'
  }, [title])

  const commit = () => {
    if (model && draft !== null && draft.trim() !== '' && draft.trim() !== title) model.setTitle(draft.trim())
    setDraft(null)
  }

  return (
    <header className="flowmap-header">
      <a className="flowmap-header__brand" href="/" title="Your boards">
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
          <rect x="1" y="3" width="7" height="5" rx="1.5" fill="#4263eb" />
          <rect x="12" y="12" width="7" height="5" rx="1.5" fill="#2f9e44" />
          <path d="M4.5 8v6.5H12" fill="none" stroke="#495057" strokeWidth="1.6" />
        </svg>
        Flowmap
      </a>
      <input
        className="flowmap-header__title"
        aria-label="Board title"
        value={draft ?? title}
        maxLength={MAX_BOARD_TITLE_CHARS}
        disabled={!model || viewOnly}
        onFocus={() => setDraft(title)}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
          if (event.key === 'Escape') {
            setDraft(null)
            event.currentTarget.blur()
          }
        }}
      />
      {viewOnly && (
        <span
          className="flowmap-header__badge"
          data-testid="view-only-badge"
          title="This link lets you look, not edit"
        >
          View only
        </span>
      )}
      <div className="flowmap-header__status">
        <ConnectionStatusChip
          status={board.status}
          refusal={board.refusal}
          onDismissRefusal={board.dismissRefusal}
          storageError={board.storageError}
          connectionProblem={board.connectionProblem}
        />
      </div>
      {/* On a phone the actions fold into a menu (phone.css); on a wider screen the wrapper is invisible. */}
      <div className="flowmap-header__menu-root" ref={menu.root}>
        <button
          type="button"
          className="flowmap-button flowmap-header__menu"
          data-testid="header-menu"
          aria-expanded={menu.open}
          aria-controls="flowmap-header-actions"
          onClick={() => menu.setOpen((open) => !open)}
        >
          Menu
        </button>
        <div id="flowmap-header-actions" className="flowmap-header__actions" data-open={menu.open}>
          {actions}
          <button
            type="button"
            className="flowmap-button flowmap-header__panels"
            aria-pressed={panelsOpen}
            aria-controls="flowmap-sidebar"
            onClick={onTogglePanels}
            title={
              panelsOpen ? 'Hide the properties and roles panels' : 'Show the properties and roles panels'
            }
          >
            {panelsOpen ? 'Hide panels' : 'Panels'}
          </button>
        </div>
      </div>
    </header>
  )
}
