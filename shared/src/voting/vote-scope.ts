import type * as Y from 'yjs'
import { readRecord } from '../doc/records.ts'
import { VOTABLE_SHAPE_TYPES, type VoteScope } from '../schema/workshop/vote.ts'

const votableTypes: ReadonlySet<string> = new Set(VOTABLE_SHAPE_TYPES)
/** deeper than any real board nests; a parent cycle a foreign writer made stops here */
const MAX_DEPTH = 64

/**
 * null when `shapeId` is a shape on the board that the vote's scope puts on the ballot; otherwise why
 * not, for the voter: 'that shape is not inside the stage the vote is on'.
 */
export function voteScopeProblem(doc: Y.Doc, scope: VoteScope, shapeId: string): string | null {
  const record = readRecord(doc, shapeId)
  if (record === undefined || record.typeName !== 'shape') return 'that shape is not on the board (any more)'
  if (!votableTypes.has(record.type))
    return `a ${record.type} cannot be voted on: only steps, decisions, artifacts, events and notes`
  switch (scope.kind) {
    case 'board':
      return null
    case 'types':
      return scope.types.includes(record.type as never)
        ? null
        : `this vote is on ${scope.types.join(', ')} shapes only, not on a ${record.type}`
    case 'container':
      return isInside(doc, record.parentId, scope.id)
        ? null
        : 'that shape is not inside the area this vote is on'
    default: {
      const unknownScope: never = scope
      return `unknown vote scope ${JSON.stringify(unknownScope)}`
    }
  }
}

/** Follows parentIds up from `parentId`: is `containerId` among them? */
function isInside(doc: Y.Doc, parentId: string, containerId: string): boolean {
  let current: string | undefined = parentId
  for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
    if (current === containerId) return true
    const parent = readRecord(doc, current)
    current = parent?.typeName === 'shape' ? parent.parentId : undefined
  }
  return false
}
