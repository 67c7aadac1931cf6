import { expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import { workflowShape } from '../testing/shape-records.ts'
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
