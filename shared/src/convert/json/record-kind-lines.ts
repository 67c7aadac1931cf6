/**
 * The import report of a Flowmap JSON file: one line per kind of record (and one for roles), so every
 * element the file holds is counted exactly once. A JSON export is Flowmap's own form: each kind
 * becomes itself.
 */
import type { TLRecord } from '@tldraw/tlschema'
import type { ReportLine } from '../import-report.ts'

const SHAPE_KINDS: Readonly<Record<string, string>> = {
  step: 'steps',
  decision: 'decisions',
  event: 'events',
  artifact: 'artifacts',
  lane: 'lanes',
  stage: 'stages',
  arrow: 'connectors',
  note: 'sticky notes',
  text: 'text shapes',
  frame: 'frames',
  image: 'images',
}

const RECORD_KINDS: Readonly<Record<string, string>> = {
  binding: 'connector ends',
  asset: 'assets',
  page: 'pages',
  document: 'document records',
}

/** "steps", "connectors", "geo shapes", "pages": how a person counts records of this kind. */
export function recordKind(record: TLRecord): string {
  if (record.typeName === 'shape') return SHAPE_KINDS[record.type] ?? `${record.type} shapes`
  return RECORD_KINDS[record.typeName] ?? `${record.typeName} records`
}

/** One line per kind, in the order the kinds first appear; roles last. */
export function recordKindLines(records: readonly TLRecord[], roleCount: number): ReportLine[] {
  const counts = new Map<string, number>()
  for (const record of records) {
    const kind = recordKind(record)
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  if (roleCount > 0) counts.set('roles', roleCount)
  return [...counts].map(([what, count]) => ({ count, what, became: what }))
}
