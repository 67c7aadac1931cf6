import type * as Y from 'yjs'
import { observeBoard, readBoard } from '../../doc/board.ts'
import { observeRecords } from '../../doc/observe-records.ts'
import { readRecords } from '../../doc/records.ts'
import { observeRoles, readRoles } from '../../doc/roles.ts'
import type { LintIssue } from '../rules.ts'
import { createIncrementalLint } from './incremental-lint.ts'

export type LintListener = (issues: readonly LintIssue[]) => void

/**
 * The lint issues of a board doc, live: read whole once, then kept current from each transaction's
 * touched records (never a rescan of the doc), the roles and the board's `disabledLintRules`. Calls
 * `listener` now and after every change that moved an issue. Returns the unsubscribe function.
 */
export function observeLint(doc: Y.Doc, listener: LintListener): () => void {
  const lint = createIncrementalLint({
    records: readRecords(doc),
    roles: readRoles(doc),
    disabledRules: readBoard(doc).disabledLintRules,
  })
  let last = lint.issues()
  listener(last)
  const report = () => {
    const issues = lint.issues()
    if (issues === last) return
    last = issues
    listener(issues)
  }
  let disabledKey = readBoard(doc).disabledLintRules.join('\u0000')
  const stops = [
    observeRecords(doc, (change) => {
      lint.applyRecords(change)
      report()
    }),
    observeRoles(doc, (roles) => {
      lint.setRoles(roles)
      report()
    }),
    observeBoard(doc, (board) => {
      const key = board.disabledLintRules.join('\u0000')
      if (key === disabledKey) return // a title edit, not a rule switch
      disabledKey = key
      lint.setDisabledRules(board.disabledLintRules)
      report()
    }),
  ]
  return () => {
    for (const stop of stops) stop()
  }
}
