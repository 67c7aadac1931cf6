/**
 * What the panels and pages read and write of a board, without the document layout: they see roles,
 * board fields, records and lint issues, and make the few writes they need. The Y.Doc, its maps and
 * their shapes stay behind `@flowmap/shared`'s doc functions, called only here.
 *
 * Every write goes in with the local origin (the doc functions' default), so undo keeps to one's own
 * edits and the store binding knows the change is not from someone else.
 */
import {
  type BoardMeta,
  deleteRole,
  type LintListener,
  type LintRuleId,
  observeBoard,
  observeLint,
  observeRecords,
  observeRoles,
  type RecordsChange,
  type Role,
  readBoard,
  readRecords,
  readRoles,
  writeBoard,
  writeRole,
} from '@flowmap/shared'
import type { TLRecord } from 'tldraw'
import type * as Y from 'yjs'

/** A value of the board that anyone's edit can change: read it now, or hear each new value. */
export interface LiveValue<T> {
  get(): T
  /** Calls `listener` with the new value after each change (not now). Returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void
}

/**
 * All of the board's records. Reading them is a scan of the whole board: a reader either waits for
 * edits to settle and reads, or keeps its own view current from each transaction's record changes.
 */
export interface LiveRecords {
  get(): TLRecord[]
  /** Calls `onChange` with each transaction's created, changed and deleted records (not now). */
  subscribe(onChange: (change: RecordsChange) => void): () => void
}

export interface BoardModel {
  /** Sorted by name then id, the same on every client; entries that are not valid roles are left out. */
  readonly roles: LiveValue<readonly Role[]>
  /** Title, schema and the lint rules switched off; absent or malformed fields read as their defaults. */
  readonly meta: LiveValue<BoardMeta>
  readonly records: LiveRecords
  /** The lint issues, kept current incrementally. Calls `listener` now and after every change to them. */
  readonly lint: { subscribe(listener: LintListener): () => void }
  /** Adds the role, or changes only the fields of it that differ (a rename, a recolour). */
  writeRole(role: Role): void
  deleteRole(roleId: string): void
  setTitle(title: string): void
  /** Switches a lint rule on or off for the board, for everyone. */
  setLintRule(ruleId: LintRuleId, on: boolean): void
}

export function createBoardModel(doc: Y.Doc): BoardModel {
  return {
    roles: {
      get: () => readRoles(doc),
      subscribe: (listener) => observeRoles(doc, (roles) => listener(roles)),
    },
    meta: {
      get: () => readBoard(doc),
      subscribe: (listener) => observeBoard(doc, (meta) => listener(meta)),
    },
    records: {
      get: () => readRecords(doc),
      subscribe: (onChange) => observeRecords(doc, (change) => onChange(change)),
    },
    lint: { subscribe: (listener) => observeLint(doc, listener) },
    writeRole: (role) => writeRole(doc, role),
    deleteRole: (roleId) => deleteRole(doc, roleId),
    setTitle: (title) => writeBoard(doc, { title }),
    setLintRule(ruleId, on) {
      const disabled = readBoard(doc).disabledLintRules
      if (on) writeBoard(doc, { disabledLintRules: disabled.filter((id) => id !== ruleId) })
      else if (!disabled.includes(ruleId)) writeBoard(doc, { disabledLintRules: [...disabled, ruleId] })
    },
  }
}
