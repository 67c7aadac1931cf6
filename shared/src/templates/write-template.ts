import type * as Y from 'yjs'
import { writeBoard } from '../doc/board.ts'
import { type DocOrigin, localOrigin } from '../doc/origin.ts'
import { writeRecords } from '../doc/records.ts'
import { writeRole } from '../doc/roles.ts'
import { transactBoard } from '../doc/transact-board.ts'
import type { BoardTemplate } from './board-template.ts'

/**
 * Puts a template's roles and records into a new board's doc, in one transaction (one update, one undo
 * step), and its title when one is given. A doc made on this device writes its title here; the server
 * writes the title of a board it creates, so the client passes none then.
 */
export function writeTemplate(
  doc: Y.Doc,
  template: Pick<BoardTemplate, 'records' | 'roles'>,
  options: { title?: string; origin?: DocOrigin } = {},
): void {
  const origin = options.origin ?? localOrigin
  transactBoard(doc, origin, () => {
    for (const role of template.roles) writeRole(doc, role, origin)
    writeRecords(doc, template.records, origin)
    if (options.title !== undefined) writeBoard(doc, { title: options.title }, origin)
  })
}
