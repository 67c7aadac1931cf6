import type { TLRecord } from '@tldraw/tlschema'
import type { Role } from '../schema/role.ts'

/**
 * What an import produces and an export reads: a board's records and roles, and its title when the
 * source names one. The same form a template has (`BoardTemplate`), so an import is written into a
 * doc the way a template is (`writeTemplate`), as one transaction.
 */
export type MapContent = {
  readonly title: string | null
  readonly roles: readonly Role[]
  readonly records: readonly TLRecord[]
}
