import type { TLRecord } from '@tldraw/tlschema'

/**
 * States no single person made but concurrent edits can produce, each valid record by record:
 * - parent-cycle: A moved into B while B moved into A;
 * - missing-parent: a shape added into a container someone else deleted;
 * - dangling-binding: an arrow bound to a shape someone else deleted;
 * - duplicate-index: two siblings given the same fractional index.
 */
export const BoardProblem = {
  ParentCycle: 'parent-cycle',
  MissingParent: 'missing-parent',
  DanglingBinding: 'dangling-binding',
  DuplicateIndex: 'duplicate-index',
} as const
export type BoardProblem = (typeof BoardProblem)[keyof typeof BoardProblem]

export type BoardRepair = { recordId: string; problem: BoardProblem; detail: string }

/** What to write to bring a board back to a valid state; empty when it is valid. */
export type BoardRepairs = {
  /** Records with a repaired `parentId` and/or `index`, whole. */
  upserted: TLRecord[]
  /** Ids of records to delete (dangling bindings). */
  removed: string[]
  /** One entry per problem found, for logs and tests. */
  repairs: BoardRepair[]
}
