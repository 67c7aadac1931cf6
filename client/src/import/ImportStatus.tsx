import { useValue } from 'tldraw'
import type { BoardImport, ImportStatus as Status } from './board-import.ts'
import { ImportReportDialog } from './ImportReportDialog.tsx'
import './import.css'

const COUNT = new Intl.NumberFormat('en-US')

/** The progress line while an import runs ("Importing diagram.bpmn…", "Placing 1,200 of 4,000"). */
export function importProgressText(status: Status): string | null {
  if (status.phase === 'reading') return `Importing ${status.name}…`
  if (status.phase === 'placing')
    return `Placing ${COUNT.format(status.done)} of ${COUNT.format(status.total)}`
  return null
}

/** Over the board: the import's progress while it runs, then its report (or its refusal). */
export function ImportStatus({ imports }: { imports: BoardImport | null }) {
  const status = useValue('import status', () => imports?.status.get() ?? null, [imports])
  if (!imports || !status) return null
  const progress = importProgressText(status)
  if (progress !== null) {
    return (
      <div className="flowmap-import-progress" role="status" data-testid="import-progress">
        {progress}
      </div>
    )
  }
  if (status.phase === 'done' || status.phase === 'refused') {
    return (
      <ImportReportDialog
        outcome={
          status.phase === 'done'
            ? { ok: true, name: status.name, report: status.report }
            : { ok: false, name: status.name, reason: status.reason }
        }
        onClose={() => imports.dismiss()}
      />
    )
  }
  return null
}
