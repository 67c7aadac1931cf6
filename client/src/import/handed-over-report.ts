/**
 * The home page makes a board from a dropped file and then opens it: the import report goes with it,
 * in this tab's session storage under the board's id, and the board page shows it once.
 */
import { IMPORT_FORMATS, type ImportReport } from '@flowmap/shared'

const KEY_PREFIX = 'flowmap:import-report:'

type HandedOver = { readonly name: string; readonly report: ImportReport }

export function handOverReport(boardId: string, name: string, report: ImportReport): void {
  try {
    sessionStorage.setItem(KEY_PREFIX + boardId, JSON.stringify({ name, report }))
  } catch {
    // No session storage (a private window's quota): the board opens without its report.
  }
}

function isReport(value: unknown): value is ImportReport {
  if (typeof value !== 'object' || value === null) return false
  const report = value as Record<string, unknown>
  return (
    (IMPORT_FORMATS as readonly unknown[]).includes(report.format) &&
    typeof report.elementCount === 'number' &&
    Array.isArray(report.mapped) &&
    Array.isArray(report.keptAsNotes) &&
    Array.isArray(report.notices)
  )
}

/** The report handed over for this board, once: it is removed as it is read. */
export function takeHandedOverReport(boardId: string): HandedOver | null {
  try {
    const text = sessionStorage.getItem(KEY_PREFIX + boardId)
    if (text === null) return null
    sessionStorage.removeItem(KEY_PREFIX + boardId)
    const value = JSON.parse(text) as { name?: unknown; report?: unknown }
    return typeof value.name === 'string' && isReport(value.report)
      ? { name: value.name, report: value.report }
      : null
  } catch {
    return null
  }
}
