import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { MAX_TEMPLATE_RECORDS } from '../schema/limits.ts'
import { type Role, validateRole } from '../schema/role.ts'
import { validateRecord } from '../schema/validate-record.ts'
import type { BoardTemplate } from './board-template.ts'

export type TemplateContent = Pick<BoardTemplate, 'records' | 'roles'>

export type TemplateOfBoard =
  | { ok: true; content: TemplateContent; skipped: number }
  | { ok: false; reason: string }

/**
 * What of a board goes into a template: its shapes and the bindings between them (in the current
 * schema: each record written under an older one is migrated up) and its roles. The page, the document
 * and assets stay behind: a new board has its own page and document, and an asset belongs to the board
 * that uploaded it. A record that no longer validates is skipped and counted, not copied.
 */
export function templateOfBoard(
  records: Iterable<TLRecord>,
  roles: readonly Role[],
  schema: SerializedSchema | null,
): TemplateOfBoard {
  const kept: TLRecord[] = []
  let skipped = 0
  for (const record of records) {
    if (record.typeName !== 'shape' && record.typeName !== 'binding') continue
    const checked = validateRecord(record, { schema })
    if (checked.ok) kept.push(checked.record)
    else skipped++
  }
  if (kept.length > MAX_TEMPLATE_RECORDS) {
    return {
      ok: false,
      reason: `the board has ${kept.length} shapes and connectors; a template holds at most ${MAX_TEMPLATE_RECORDS}: save a smaller board (or a copy with less on it)`,
    }
  }
  const validRoles = roles.flatMap((role) => {
    const checked = validateRole(role)
    return checked.ok ? [checked.role] : []
  })
  skipped += roles.length - validRoles.length
  return { ok: true, content: { records: kept, roles: validRoles }, skipped }
}
