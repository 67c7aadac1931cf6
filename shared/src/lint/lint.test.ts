import { expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import { generateWorkflowMap } from '../testing/generate-workflow-map.ts'
import { approvalRoles, cleanApprovalMap } from '../testing/small-maps.ts'
import { laneWithNoRole } from './fixtures/lane-without-role.ts'
import { lint } from './lint.ts'

// Each rule's own cases are in <rule-id>.test.ts; rules.test.ts holds every rule to its fixtures.

test('the clean approval map has no issues at all', () => {
  expect(lint(toWorkflowGraph(cleanApprovalMap(), approvalRoles))).toEqual([])
})

test('disabled rules are skipped', () => {
  const graph = toWorkflowGraph(laneWithNoRole.records, laneWithNoRole.roles)
  expect(lint(graph).some((issue) => issue.ruleId === 'lane-without-role')).toBe(true)
  expect(lint(graph, { disabledRules: ['lane-without-role'] })).toEqual([])
})

test('a disabled rule id that names no rule (a newer client, a typo) switches nothing off', () => {
  const graph = toWorkflowGraph(laneWithNoRole.records, laneWithNoRole.roles)
  expect(lint(graph, { disabledRules: ['no-such-rule', '', 'LANE-WITHOUT-ROLE'] })).toEqual(lint(graph))
})

test('the generated 5,000-node map lints without crashing and finds its seeded defects', () => {
  const map = generateWorkflowMap({ nodes: 5000, edges: 8000, seed: 11 })
  const issues = lint(toWorkflowGraph(map.records, map.roles))
  const rules = new Set(issues.map((issue) => issue.ruleId))
  expect(rules).toContain('lane-without-role')
  expect(rules).toContain('loose-connector')
  expect(rules).not.toContain('step-unreachable')
  expect(rules).not.toContain('end-unreachable')
  expect(rules).not.toContain('dependency-cycle')
})
