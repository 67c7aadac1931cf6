/**
 * A permission rule decides, from what one update touched (on the shadow doc, after applying it) and
 * who sent it, whether that person may make the change. Rules run in the validation stage, before the
 * schema checks, so a participant's edit of a locked shape is refused for the lock, not for its shape.
 * They are the server's word: the client hides what a person may not do, but only this refuses it.
 */
import type { Refusal } from '@flowmap/shared'
import type * as Y from 'yjs'
import type { BoardUser } from '../../auth/roles.ts'
import type { BoardBefore } from '../validate-touched.ts'

export interface PermissionContext {
  /** the shadow doc, with the update applied */
  doc: Y.Doc
  transaction: Y.Transaction
  /** who sent the update, with the role the server holds for the connection now */
  writer: BoardUser
  /** what the touched records (and the board schema) held before the update */
  before: BoardBefore
}

export type PermissionRule = (context: PermissionContext) => Refusal | null
