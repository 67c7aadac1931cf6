/**
 * Which format a file to import is in, and the names an import accepts: kept apart from the readers
 * (import-file.ts), so a page can check a dropped file without loading the converters.
 */
import type { ImportFormat } from './import-report.ts'
import { startsAsMermaid } from './mermaid/mermaid-parser.ts'

export type ImportFile = {
  /** The file's name as the person chose it; '' for pasted text. */
  readonly name: string
  readonly text: string
}

const FORMAT_BY_SUFFIX: readonly [string, ImportFormat][] = [
  ['.bpmn20.xml', 'bpmn'],
  ['.bpmn2', 'bpmn'],
  ['.bpmn', 'bpmn'],
  ['.xml', 'bpmn'],
  ['.mmd', 'mermaid'],
  ['.mermaid', 'mermaid'],
  ['.json', 'json'],
]

/** The file names an import accepts, for a file picker's `accept` and a drop's check. */
export const IMPORT_FILE_SUFFIXES: readonly string[] = FORMAT_BY_SUFFIX.map(([suffix]) => suffix)

/** The format a file is in: by its name's suffix, else by how its text starts; null when neither says. */
export function detectImportFormat(file: ImportFile): ImportFormat | null {
  const name = file.name.toLowerCase()
  const bySuffix = FORMAT_BY_SUFFIX.find(([suffix]) => name.endsWith(suffix))
  if (bySuffix) return bySuffix[1]
  const text = file.text.replace(/^\uFEFF/, '').trimStart()
  if (text.startsWith('<')) return 'bpmn'
  if (text.startsWith('{')) return 'json'
  // Front matter, comments and directives may come first; another diagram type is refused by name.
  if (startsAsMermaid(text)) return 'mermaid'
  return null
}
