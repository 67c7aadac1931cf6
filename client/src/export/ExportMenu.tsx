import { readBoard } from '@flowmap/shared'
import { useId, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { usePopover } from '../app/use-popover.ts'
import { type ExportFormat, exportBoard } from './export-board.ts'
import './export.css'

/** The Export menu in the header: PNG or SVG, of the selection when there is one, else of the board. */
export function ExportMenu({ editor, doc }: { editor: Editor | null; doc: Y.Doc | null }) {
  const { open, setOpen, root } = usePopover()
  const [problem, setProblem] = useState<string | null>(null)
  const menuId = useId()
  const hasSelection = useValue('has selection', () => (editor?.getSelectedShapeIds().length ?? 0) > 0, [
    editor,
  ])

  const run = async (format: ExportFormat) => {
    if (!editor) return
    setOpen(false)
    // The title is read when exporting, so a rename a moment ago names the file.
    const outcome = await exportBoard(editor, format, doc ? readBoard(doc).title : '')
    setProblem(outcome.ok ? null : outcome.message)
  }

  const scope = hasSelection ? 'selection' : 'board'
  return (
    <div className="flowmap-export" ref={root}>
      <button
        type="button"
        className="flowmap-button"
        data-testid="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!editor}
        onClick={() => setOpen((was) => !was)}
      >
        Export
      </button>
      {open && (
        <div id={menuId} role="menu" className="flowmap-export__menu" aria-label={`Export the ${scope}`}>
          <button type="button" role="menuitem" data-testid="export-png" onClick={() => void run('png')}>
            PNG of the {scope}
          </button>
          <button type="button" role="menuitem" data-testid="export-svg" onClick={() => void run('svg')}>
            SVG of the {scope}
          </button>
        </div>
      )}
      {problem && (
        <span className="flowmap-export__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}
