import { expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { approvalRoles } from '../testing/small-maps.ts'
import * as fixtures from './fixtures/no-path-to-end.ts'
import { verifyRule } from './fixtures/verify-rule.ts'
import { createIncrementalLint } from './incremental/incremental-lint.ts'
import { lint } from './lint.ts'

verifyRule('no-path-to-end', fixtures)

test('the incremental lint rechecks every step when the only End reached becomes a start', () => {
  // No connector and no step changes: only whether the flow reaches an End does.
  const branchThatStops = fixtures.invalid[0]!
  const incremental = createIncrementalLint({ records: branchThatStops.records, roles: approvalRoles })
  const rule = (issues: readonly { ruleId: string }[]) =>
    issues.filter((issue) => issue.ruleId === 'no-path-to-end')
  expect(rule(incremental.issues())).toHaveLength(1)
  const endNowStart = workflowShape('event', { id: 'end', props: { kind: 'start' } })
  incremental.applyRecords({ upserted: [endNowStart], removed: [] })
  const records = branchThatStops.records.map((record) =>
    record.id === endNowStart.id ? endNowStart : record,
  )
  expect(rule(lint(toWorkflowGraph(records, approvalRoles)))).toEqual([])
  expect(rule(incremental.issues())).toEqual([])
})

test('the incremental lint follows a loop as its way out to an End is drawn and deleted', () => {
  const loop = fixtures.invalid.find((fixture) => fixture.name.includes('loops for ever'))!
  const incremental = createIncrementalLint({ records: loop.records, roles: approvalRoles })
  const rule = (issues: readonly { ruleId: string; shapeIds: string[] }[]) =>
    issues
      .filter((issue) => issue.ruleId === 'no-path-to-end')
      .flatMap((issue) => issue.shapeIds)
      .sort()
  const flagged = ['shape:recheck', 'shape:reject', 'shape:rework']
  expect(rule(incremental.issues())).toEqual(flagged)

  // A way out from the far end of the loop finishes every step on the branch.
  const wayOut = connector({ id: 'out', from: 'recheck', to: 'end' })
  incremental.applyRecords({ upserted: wayOut, removed: [] })
  expect(rule(lint(toWorkflowGraph([...loop.records, ...wayOut], approvalRoles)))).toEqual([])
  expect(rule(incremental.issues())).toEqual([])

  // Deleting it again leaves the loop without one.
  incremental.applyRecords({ upserted: [], removed: wayOut.map((record) => record.id) })
  expect(rule(incremental.issues())).toEqual(flagged)

  // Breaking the loop leaves Rework where the branch stops and Recheck no start reaches.
  incremental.applyRecords({ upserted: [], removed: ['shape:c8', 'binding:c8-start', 'binding:c8-end'] })
  const broken = loop.records.filter((record) => !record.id.includes('c8'))
  expect(rule(lint(toWorkflowGraph(broken, approvalRoles)))).toEqual(['shape:reject', 'shape:rework'])
  expect(rule(incremental.issues())).toEqual(['shape:reject', 'shape:rework'])
})
