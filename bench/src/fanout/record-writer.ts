import { validateRecord, writeRecord } from '@flowmap/shared'
import { documentRecord, pageRecord } from '@flowmap/shared/testing'
import type * as Y from 'yjs'
import { type BenchRecord, stepRecord } from './step-edits.ts'

/**
 * Checks once, before any server is measured, that the benchmark's records pass @flowmap/shared's schema:
 * a refused edit would measure Flowmap's refusal path instead of its accept path.
 */
export function assertBenchRecordsValid(): void {
  for (const record of [documentRecord(), pageRecord(), stepRecord(0, 0), stepRecord(9, 1234)]) {
    const validation = validateRecord(record)
    if (!validation.ok)
      throw new Error(`benchmark record is not a valid Flowmap record: ${validation.error.message}`)
  }
}

/** Writes through the document layout's own writer, as the client does (only changed fields travel). */
export function writeBenchRecord(doc: Y.Doc, record: BenchRecord): void {
  writeRecord(doc, record)
}
