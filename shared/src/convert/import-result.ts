import type { ImportReport } from './import-report.ts'
import type { MapContent } from './map-content.ts'

/**
 * An import's answer: the content to write and the report to show, or one sentence naming the problem
 * (a person can act on it: "the file is not BPMN 2.0: its root element is <svg>"), with nothing written.
 */
export type ImportResult =
  | { ok: true; content: MapContent; report: ImportReport }
  | { ok: false; reason: string }
