/**
 * One entry for every import, wherever the file comes from (the Import menu, a drop, a paste, the
 * HTTP API): size first, then the format (from the name, else from the text), then the format's
 * reader, then every record and role through the same validators an edit meets, so a file that would
 * make anything the server refuses is refused here, whole, with nothing written.
 */
import { MAX_IMPORT_BYTES } from '../schema/limits.ts'
import { validateRole } from '../schema/role.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { bpmnToDraft } from './bpmn/import-bpmn.ts'
import { draftToContentWithNotices } from './draft-to-content.ts'
import type { DraftRead } from './flow-draft.ts'
import { detectImportFormat, type ImportFile } from './import-format.ts'
import type { ImportFormat } from './import-report.ts'
import type { ImportResult } from './import-result.ts'
import { jsonToContent } from './json/import-json.ts'
import type { MapContent } from './map-content.ts'
import { mermaidToDraft } from './mermaid/import-mermaid.ts'

function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength
}

async function readDraft(read: DraftRead | Promise<DraftRead>): Promise<ImportResult> {
  const answer = await read
  if (!answer.ok) return answer
  const { content, notices } = await draftToContentWithNotices(answer.draft)
  const report = answer.draft.report
  return { ok: true, content, report: { ...report, notices: [...report.notices, ...notices] } }
}

function read(format: ImportFormat, text: string): Promise<ImportResult> {
  switch (format) {
    case 'bpmn':
      return readDraft(bpmnToDraft(text))
    case 'mermaid':
      return readDraft(mermaidToDraft(text))
    case 'json':
      return Promise.resolve(jsonToContent(text))
    default: {
      const unexpected: never = format
      throw new Error(`unhandled import format ${String(unexpected)}`)
    }
  }
}

/** The first record or role Flowmap would refuse to store, as a sentence; null when all are fine. */
export function contentProblem(content: MapContent): string | null {
  for (const role of content.roles) {
    const checked = validateRole(role)
    if (!checked.ok) return checked.error.message
  }
  for (const record of content.records) {
    const checked = validateRecord(record)
    if (!checked.ok) return checked.error.message
  }
  return null
}

export async function importBoardFile(
  file: ImportFile,
  options: { format?: ImportFormat } = {},
): Promise<ImportResult> {
  // Counted in UTF-16 units first: a string longer than the limit in units is longer in bytes too.
  if (file.text.length > MAX_IMPORT_BYTES || byteLength(file.text) > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      reason: `the file is larger than the import limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`,
    }
  }
  const format = options.format ?? detectImportFormat(file)
  if (format === null) {
    return {
      ok: false,
      reason: 'the file is not BPMN 2.0 XML, a Mermaid flowchart or a Flowmap JSON export',
    }
  }
  const result = await read(format, file.text)
  if (!result.ok) return result
  const problem = contentProblem(result.content)
  if (problem !== null) {
    return { ok: false, reason: `the file makes an element Flowmap cannot store (${problem})` }
  }
  return result
}
