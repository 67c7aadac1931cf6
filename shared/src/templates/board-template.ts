import type { TLRecord } from '@tldraw/tlschema'
import type { Role } from '../schema/role.ts'

/**
 * A board to start from: the records and roles a new board's doc gets, and what the picker says of it.
 * The built-in ones are drawn in code (one file each in this folder, listed in `built-in-templates.ts`);
 * a facilitator's saved templates have the same form, stored by the server.
 */
export type BoardTemplate = {
  /** Stable, URL-safe: `/new?template=<id>` names it. */
  readonly id: string
  /** What the picker shows, and the new board's title unless the person names it. */
  readonly name: string
  /** One sentence: what the map is for. */
  readonly description: string
  readonly roles: readonly Role[]
  readonly records: readonly TLRecord[]
}
