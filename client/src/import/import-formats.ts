import { detectImportFormat, IMPORT_FILE_SUFFIXES, type ImportFormat } from '@flowmap/shared'

/** The Import menu's entries, in the order a person looks for them. */
export const IMPORT_MENU_FORMATS: readonly { format: ImportFormat; label: string }[] = [
  { format: 'bpmn', label: 'BPMN 2.0…' },
  { format: 'mermaid', label: 'Mermaid…' },
  { format: 'json', label: 'JSON…' },
]

/** A file picker's `accept` for one format: the suffixes the import reads as that format. */
export function acceptFor(format: ImportFormat): string {
  return IMPORT_FILE_SUFFIXES.filter(
    (suffix) => detectImportFormat({ name: suffix, text: '' }) === format,
  ).join(',')
}

/** Whether a file's name says it is one the import reads (`.bpmn`, `.mmd`, `.json`…). */
export function isImportFileName(name: string): boolean {
  return detectImportFormat({ name, text: '' }) !== null
}

/** A board's title from a file's name: the name without the suffix that made it importable. */
export function titleFromFileName(name: string): string {
  const lower = name.toLowerCase()
  const suffix = IMPORT_FILE_SUFFIXES.find((candidate) => lower.endsWith(candidate))
  return (suffix ? name.slice(0, name.length - suffix.length) : name).trim()
}
