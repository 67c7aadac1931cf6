import { type ImportReport, reportSentences, reportText } from '@flowmap/shared'
import { useEffect, useRef, useState } from 'react'
import './import.css'

export type ImportOutcome =
  | { readonly ok: true; readonly name: string; readonly report: ImportReport }
  | { readonly ok: false; readonly name: string; readonly reason: string }

function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

/**
 * What an import did, after every import: the heading and one line per report sentence, with Copy
 * for the whole report as text; or, for a refused file, its sentence (nothing was written).
 */
export function ImportReportDialog({ outcome, onClose }: { outcome: ImportOutcome; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])
  const text = outcome.ok ? reportText(outcome.report) : null
  const copy = async () => {
    if (text === null) return
    try {
      await navigator.clipboard.writeText(text)
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <dialog
      ref={dialog}
      className="flowmap-import-report"
      aria-labelledby="flowmap-import-report-heading"
      data-testid="import-report"
      data-outcome={outcome.ok ? 'imported' : 'refused'}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {outcome.ok ? (
        <>
          {/* The report's own heading line ("Imported 42 elements from BPMN (written by …)"). */}
          <h2 id="flowmap-import-report-heading">{text?.split('\n')[0]}</h2>
          <p className="flowmap-import-report__source">From {outcome.name}</p>
          <ul data-testid="import-report-lines">
            {reportSentences(outcome.report).map((sentence, index) => (
              // Sentences may repeat (two notices alike); their place tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
              <li key={index}>{capitalised(sentence)}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2 id="flowmap-import-report-heading">Nothing was imported</h2>
          <p data-testid="import-refusal">
            {capitalised(outcome.name)} was not imported: {outcome.reason}.
          </p>
        </>
      )}
      <div className="flowmap-import-report__actions">
        {copied && (
          <span role="status" className="flowmap-import-report__copied">
            {copied === 'copied' ? 'Copied' : 'The browser did not allow copying'}
          </span>
        )}
        {text !== null && (
          <button
            type="button"
            className="flowmap-button"
            data-testid="import-report-copy"
            onClick={() => void copy()}
          >
            Copy
          </button>
        )}
        <button
          type="button"
          className="flowmap-button flowmap-button--primary"
          data-testid="import-report-close"
          onClick={onClose}
        >
          Close
        </button>
      </div>
    </dialog>
  )
}
