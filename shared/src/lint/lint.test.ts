import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import { generateWorkflowMap } from '../testing/generate-workflow-map.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { approvalRoles, cleanApprovalMap } from '../testing/small-maps.ts'
import { lint } from './lint.ts'
import { LINT_RULE_IDS, LINT_RULES, type LintRuleId } from './rules.ts'

function issuesOf(ruleId: LintRuleId, records: TLRecord[], roles: Role[] = approvalRoles) {
  return lint(toWorkflowGraph(records, roles)).filter((issue) => issue.ruleId === ruleId)
}

/** The clean map with records replaced by id (undefined removes) and others added. */
function edited(replace: Record<string, TLRecord | undefined>, add: TLRecord[] = []): TLRecord[] {
  const records = cleanApprovalMap()
    .filter((record) => !(record.id in replace) || replace[record.id] !== undefined)
    .map((record) => replace[record.id] ?? record)
  return [...records, ...add]
}

test('the clean approval map has no issues at all', () => {
  expect(lint(toWorkflowGraph(cleanApprovalMap(), approvalRoles))).toEqual([])
})

test('LINT_RULES lists every rule id once, with a title and severity', () => {
  expect(LINT_RULES.map((rule) => rule.id)).toEqual([...LINT_RULE_IDS])
  for (const rule of LINT_RULES) expect(rule.title).not.toBe('')
})

describe('step-without-owner', () => {
  test('flags a step outside any lane with no owner', () => {
    const issues = issuesOf(
      'step-without-owner',
      edited({ 'shape:sign': workflowShape('step', { id: 'sign', props: { label: 'Sign' } }) }),
    )
    expect(issues).toEqual([
      {
        ruleId: 'step-without-owner',
        severity: 'warning',
        message: 'Step "Sign" has no owner: assign a role, or move it into a lane that has one',
        shapeIds: ['shape:sign'],
      },
    ])
  })
  test('flags a step whose owner role was deleted', () => {
    const roles = approvalRoles.filter((role) => role.id !== 'role:bot')
    expect(issuesOf('step-without-owner', cleanApprovalMap(), roles)[0]?.message).toMatch(
      /no longer exists \(role:bot\)/,
    )
  })
  test('accepts steps owned directly or through their lane', () => {
    expect(issuesOf('step-without-owner', cleanApprovalMap())).toEqual([])
  })
})

describe('decision-without-branches', () => {
  test('flags a decision with one branch', () => {
    const issues = issuesOf(
      'decision-without-branches',
      edited({ 'shape:c4': undefined, 'binding:c4-start': undefined, 'binding:c4-end': undefined }),
    )
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message).toBe(
      'Decision "Approve?" has 1 labelled branch: draw at least two outgoing connectors and label each with its answer',
    )
  })
  test('flags a decision with an unlabelled branch among labelled ones', () => {
    const extra = [
      workflowShape('step', { id: 'later', props: { owner: 'role:bot' } }),
      ...connector({ id: 'c9', from: 'approve', to: 'later' }),
    ]
    const issues = issuesOf('decision-without-branches', cleanApprovalMap().concat(extra))
    expect(issues[0]).toMatchObject({ shapeIds: ['shape:approve', 'shape:c9'] })
    expect(issues[0]!.message).toMatch(/1 unlabelled branch/)
  })
  test('accepts two labelled branches', () => {
    expect(issuesOf('decision-without-branches', cleanApprovalMap())).toEqual([])
  })
})

describe('dependency-cycle', () => {
  const dependencies = (pairs: Array<[string, string]>) =>
    pairs.flatMap(([from, to], i) => connector({ id: `d${i}`, from, to, flow: 'dependency' }))
  test('flags steps that depend on each other in a circle, once per cycle', () => {
    const issues = issuesOf(
      'dependency-cycle',
      cleanApprovalMap().concat(
        dependencies([
          ['intake', 'sign'],
          ['sign', 'reject'],
          ['reject', 'intake'],
        ]),
      ),
    )
    expect(issues).toHaveLength(1)
    expect(new Set(issues[0]!.shapeIds)).toEqual(
      new Set(['shape:intake', 'shape:sign', 'shape:reject', 'shape:d0', 'shape:d1', 'shape:d2']),
    )
    expect(issues[0]!.message).toMatch(/^Dependency cycle: .* all wait on each other/)
  })
  test('flags a step that depends on itself', () => {
    expect(
      issuesOf('dependency-cycle', cleanApprovalMap().concat(dependencies([['sign', 'sign']]))),
    ).toHaveLength(1)
  })
  test('accepts dependencies without a cycle, and sequence loops (rework is allowed)', () => {
    const records = cleanApprovalMap().concat(
      dependencies([
        ['intake', 'sign'],
        ['sign', 'reject'],
      ]),
      connector({ id: 'loop', from: 'reject', to: 'intake' }),
    )
    expect(issuesOf('dependency-cycle', records)).toEqual([])
  })
})

describe('step-unreachable', () => {
  test('flags a step nothing leads to', () => {
    const issues = issuesOf(
      'step-unreachable',
      edited({}, [workflowShape('step', { id: 'orphan', props: { label: 'Orphan', owner: 'role:bot' } })]),
    )
    expect(issues).toEqual([
      {
        ruleId: 'step-unreachable',
        severity: 'error',
        message: 'Step "Orphan" cannot be reached from any start: connect a preceding step to it',
        shapeIds: ['shape:orphan'],
      },
    ])
  })
  test('does not follow dependency or information connectors', () => {
    const records = edited({}, [
      workflowShape('step', { id: 'after', props: { owner: 'role:bot' } }),
      ...connector({ id: 'info', from: 'sign', to: 'after', flow: 'information' }),
    ])
    expect(issuesOf('step-unreachable', records).map((issue) => issue.shapeIds)).toEqual([['shape:after']])
  })
  test('says once that a map with steps has no start', () => {
    const issues = issuesOf('step-unreachable', edited({ 'shape:start': undefined }))
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message).toMatch(/^No start event/)
  })
  test('accepts steps reached from a start', () => {
    expect(issuesOf('step-unreachable', cleanApprovalMap())).toEqual([])
  })
})

describe('end-unreachable', () => {
  test('flags an end nothing reaches', () => {
    const records = edited({
      'shape:c5': undefined,
      'binding:c5-start': undefined,
      'binding:c5-end': undefined,
      'shape:c6': undefined,
      'binding:c6-start': undefined,
      'binding:c6-end': undefined,
    })
    expect(issuesOf('end-unreachable', records)).toEqual([
      {
        ruleId: 'end-unreachable',
        severity: 'error',
        message: 'End (unnamed) is reached by no path from a start: connect the last step to it',
        shapeIds: ['shape:end'],
      },
    ])
  })
  test('accepts an end reached from a start', () => {
    expect(issuesOf('end-unreachable', cleanApprovalMap())).toEqual([])
  })
})

describe('loose-connector', () => {
  test('flags a connector with a loose end, naming the shape it hangs from', () => {
    const issues = issuesOf('loose-connector', edited({ 'binding:c5-end': undefined }))
    expect(issues).toEqual([
      {
        ruleId: 'loose-connector',
        severity: 'error',
        message: 'Connector has its end loose: attach it to a shape',
        shapeIds: ['shape:c5', 'shape:sign'],
      },
    ])
  })
  test('flags a flow connector with both ends loose', () => {
    const issues = issuesOf(
      'loose-connector',
      edited({}, connector({ id: 'x', from: null, to: null, flow: 'dependency' })),
    )
    expect(issues[0]!.message).toBe('Dependency connector has both ends loose: attach them to a shape')
  })
  test('accepts connectors bound at both ends', () => {
    expect(issuesOf('loose-connector', cleanApprovalMap())).toEqual([])
  })
})

describe('lane-without-role', () => {
  test('flags a lane with no role and one whose role was deleted', () => {
    const records = edited({}, [workflowShape('lane', { id: 'empty', props: { label: 'Ops' } })])
    expect(issuesOf('lane-without-role', records)[0]?.message).toBe(
      'Lane "Ops" has no role: bind it to the person, team, system or AI agent that works in it',
    )
    const withoutLegal = issuesOf('lane-without-role', cleanApprovalMap(), approvalRoles.slice(1))
    expect(withoutLegal[0]?.shapeIds).toEqual(['shape:lane-legal'])
  })
  test('accepts a lane bound to an existing role', () => {
    expect(issuesOf('lane-without-role', cleanApprovalMap())).toEqual([])
  })
})

describe('duplicate-step-label', () => {
  test('flags steps with the same label in one lane, ignoring case and spaces', () => {
    const records = edited({}, [
      workflowShape('step', { id: 'again', parentId: 'shape:lane-legal', props: { label: ' intake ' } }),
    ])
    const issues = issuesOf('duplicate-step-label', records)
    expect(issues).toEqual([
      {
        ruleId: 'duplicate-step-label',
        severity: 'warning',
        message: '2 steps are named "intake" in lane "Legal": rename or merge them',
        shapeIds: ['shape:again', 'shape:intake'],
      },
    ])
  })
  test('accepts the same label in different lanes', () => {
    const records = edited({}, [
      workflowShape('lane', { id: 'other', props: { roleId: 'role:bot' } }),
      workflowShape('step', { id: 'again', parentId: 'shape:other', props: { label: 'Intake' } }),
    ])
    expect(issuesOf('duplicate-step-label', records)).toEqual([])
  })
})

test('disabled rules are skipped', () => {
  const records = edited({}, [workflowShape('lane', { id: 'empty' })])
  const graph = toWorkflowGraph(records, approvalRoles)
  expect(lint(graph).some((issue) => issue.ruleId === 'lane-without-role')).toBe(true)
  expect(lint(graph, { disabledRules: ['lane-without-role'] })).toEqual([])
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
