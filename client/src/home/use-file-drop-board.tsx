import { type DragEvent, type ReactNode, useState } from 'react'
import { boardPath } from '../app/routes.ts'
import { createBoardFromFile } from '../import/board-from-file.ts'
import { handOverReport } from '../import/handed-over-report.ts'
import { ImportReportDialog } from '../import/ImportReportDialog.tsx'
import { isImportFileName } from '../import/import-formats.ts'
import type { BoardDatabase } from '../storage/board-database.ts'

type DropState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string }
  | { phase: 'refused'; name: string; reason: string }

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/**
 * The home page as a drop target: a BPMN, Mermaid or JSON file dropped anywhere on it becomes a new
 * board, which then opens with the import report (handed over: import/handed-over-report.ts). A file
 * the import refuses gets its sentence in the report dialog, and no board is made.
 */
export function useFileDropBoard(options: {
  db: BoardDatabase | null
  token: string | null
  navigate(path: string): void
}): { targetProps: { onDragOver(event: DragEvent): void; onDrop(event: DragEvent): void }; view: ReactNode } {
  const [state, setState] = useState<DropState>({ phase: 'idle' })

  const importFile = async (file: File) => {
    setState({ phase: 'reading', name: file.name })
    const made = await createBoardFromFile({ db: options.db, token: options.token, file }).catch(
      (error: unknown) => ({
        ok: false as const,
        reason: error instanceof Error ? error.message : String(error),
      }),
    )
    if (!made.ok) {
      setState({ phase: 'refused', name: file.name, reason: made.reason })
      return
    }
    handOverReport(made.boardId, file.name, made.report)
    options.navigate(boardPath(made.boardId, options.token))
  }

  const targetProps = {
    onDragOver(event: DragEvent) {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    },
    onDrop(event: DragEvent) {
      if (!carriesFiles(event)) return
      // Never let the browser open the file in place of the app.
      event.preventDefault()
      if (state.phase === 'reading') return
      const files = Array.from(event.dataTransfer.files)
      const file = files.find((candidate) => isImportFileName(candidate.name))
      if (file) void importFile(file)
      else if (files[0]) {
        setState({
          phase: 'refused',
          name: files[0].name,
          reason:
            'only BPMN 2.0 (.bpmn, .bpmn2, .bpmn20.xml, .xml), Mermaid (.mmd) and Flowmap JSON (.json) files make a board',
        })
      }
    },
  }

  const view =
    state.phase === 'reading' ? (
      <p className="flowmap-home__note" role="status" data-testid="import-progress">
        Importing {state.name}…
      </p>
    ) : state.phase === 'refused' ? (
      <ImportReportDialog
        outcome={{ ok: false, name: state.name, reason: state.reason }}
        onClose={() => setState({ phase: 'idle' })}
      />
    ) : null
  return { targetProps, view }
}
