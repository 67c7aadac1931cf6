import { readBoard } from '@flowmap/shared'
import { useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { HeaderMenu } from '../app/HeaderMenu.tsx'
import { type ExportFormat, exportBoard } from './export-board.ts'
import { exportBoardFile, type FileExportFormat } from './export-board-file.ts'
import './export.css'

/**
 * The Export menu in the header: PNG or SVG, of the selection when there is one, else of the board;
 * BPMN 2.0 or Mermaid of the board.
 */
export function ExportMenu({ editor, doc }: { editor: Editor | null; doc: Y.Doc | null }) {
  const [problem, setProblem] = useState<string | null>(null)
  const hasSelection = useValue('has selection', () => (editor?.getSelectedShapeIds().length ?? 0) > 0, [
    editor,
  ])

  const run = async (format: ExportFormat) => {
    if (!editor) return
    // The title is read when exporting, so a rename a moment ago names the file.
    const outcome = await exportBoard(editor, format, doc ? readBoard(doc).title : '')
    setProblem(outcome.ok ? null : outcome.message)
  }

  const runFile = async (format: FileExportFormat) => {
    if (!editor || !doc) return
    const outcome = await exportBoardFile(editor, doc, format)
    setProblem(outcome.ok ? null : outcome.message)
  }

  const scope = hasSelection ? 'selection' : 'board'
  const entries = [
    { testId: 'export-png', label: `PNG of the ${scope}`, run: () => void run('png') },
    { testId: 'export-svg', label: `SVG of the ${scope}`, run: () => void run('svg') },
    // A process file is of the whole board: a flow cut at the selection would not be one.
    { testId: 'export-bpmn', label: 'BPMN 2.0 of the board', run: () => void runFile('bpmn') },
    { testId: 'export-mermaid', label: 'Mermaid of the board', run: () => void runFile('mermaid') },
  ]
  return (
    <HeaderMenu
      label="Export"
      testId="export-button"
      menuLabel={`Export the ${scope}`}
      disabled={!editor}
      items={(close) =>
        entries.map((entry) => (
          <button
            key={entry.testId}
            type="button"
            role="menuitem"
            data-testid={entry.testId}
            onClick={() => {
              close()
              entry.run()
            }}
          >
            {entry.label}
          </button>
        ))
      }
      beside={
        problem && (
          <span className="flowmap-export__problem" role="alert">
            {problem}
          </span>
        )
      }
    />
  )
}
