import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { observeBoard, readBoard } from '../../doc/board.ts'
import { recordsMap } from '../../doc/doc-maps.ts'
import { observeRecords } from '../../doc/observe-records.ts'
import { readRecord } from '../../doc/records.ts'
import { observeRoles, readRoles } from '../../doc/roles.ts'
import type { LintIssue } from '../rules.ts'
import { createIncrementalLint } from './incremental-lint.ts'

export type LintListener = (issues: readonly LintIssue[]) => void

export interface ObserveLintOptions {
  /**
   * Records taken into the lint in one go. A board (or one change: the first sync of a big board) with
   * more waits for slices of this many, each its own task, so the page keeps painting and answering.
   * @default 500: about 70 ms on a 2-core machine for a 5,000-step map's records, under a frame budget
   * of long tasks (200 ms); the whole of such a map at once took 0.5 s.
   */
  sliceSize?: number
  /** Runs `task` after the page has had its turn. @default `setTimeout(task, 0)` */
  schedule?: (task: () => void) => void
}

/**
 * The lint issues of a board doc, live: read once, then kept current from each transaction's touched
 * records (never a rescan of the doc), the roles and the board's `disabledLintRules`. Calls `listener`
 * with the issues once every record is taken in, and after every change that moved an issue. Returns the
 * unsubscribe function.
 *
 * Small boards and ordinary edits are taken in at once, and the listener is called before this returns
 * (or before the edit's transaction ends). Many records are queued by id and taken in slice by slice,
 * each read from the doc when its slice runs: a record edited or deleted meanwhile is taken in as it is
 * then, so the queue's order never matters, and the issues reported at the end are those of the doc as
 * it is (the incremental lint equals a full lint of the records it holds). No partial result is reported
 * while records wait: a half-read board would show findings (an unreachable step whose arrow has not
 * been read yet) that are not there.
 */
export function observeLint(
  doc: Y.Doc,
  listener: LintListener,
  options: ObserveLintOptions = {},
): () => void {
  const sliceSize = Math.max(1, options.sliceSize ?? 500)
  const schedule = options.schedule ?? ((task: () => void) => setTimeout(task, 0))
  const lint = createIncrementalLint({
    records: [],
    roles: readRoles(doc),
    disabledRules: readBoard(doc).disabledLintRules,
  })
  /** Ids still to take in, each in the doc's state when its slice runs. */
  const waiting = new Set<string>()
  let sliceQueued = false
  let stopped = false
  let last: readonly LintIssue[] | null = null

  const report = () => {
    if (stopped || waiting.size > 0) return
    const issues = lint.issues()
    if (issues === last) return
    last = issues
    listener(issues)
  }
  const takeIn = (limit: number) => {
    const upserted: TLRecord[] = []
    const removed: string[] = []
    for (const id of waiting) {
      if (upserted.length + removed.length >= limit) break
      waiting.delete(id)
      const record = readRecord(doc, id)
      if (record === undefined) removed.push(id)
      else upserted.push(record)
    }
    lint.applyRecords({ upserted, removed })
  }
  const slice = () => {
    sliceQueued = false
    if (stopped) return
    takeIn(sliceSize)
    if (waiting.size > 0) queueSlice()
    else report()
  }
  const queueSlice = () => {
    if (sliceQueued || stopped) return
    sliceQueued = true
    schedule(slice)
  }
  const wait = (ids: Iterable<string>) => {
    for (const id of ids) waiting.add(id)
    if (waiting.size <= sliceSize && !sliceQueued) {
      takeIn(waiting.size)
      report()
    } else queueSlice()
  }

  wait(recordsMap(doc).keys())
  let disabledKey = readBoard(doc).disabledLintRules.join('\u0000')
  const stops = [
    observeRecords(doc, (change) => {
      if (waiting.size === 0 && change.upserted.length + change.removed.length <= sliceSize) {
        lint.applyRecords(change)
        report()
        return
      }
      wait([...change.upserted.map((record) => record.id), ...change.removed])
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
    stopped = true
    for (const stop of stops) stop()
  }
}
