import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { LintFixture } from './fixtures/lint-fixture.ts'
import { ruleIssues } from './fixtures/lint-fixture.ts'
import { createIncrementalLint } from './incremental/incremental-lint.ts'
import { lint } from './lint.ts'
import { LINT_RULE_IDS, LINT_RULES, type LintRuleId } from './rules.ts'

type RuleFixtures = { valid: LintFixture[]; invalid: LintFixture[] }

/** A rule's fixture file; a rule added to the list without one fails here, saying what to add. */
async function fixturesOf(ruleId: LintRuleId): Promise<RuleFixtures> {
  const path = `./fixtures/${ruleId}.ts`
  const missing = `rule ${ruleId} has no fixtures: add shared/src/lint/fixtures/${ruleId}.ts exporting valid and invalid maps`
  const module: Partial<RuleFixtures> = await import(path).catch((error: unknown) => {
    throw new Error(`${missing} (${String(error)})`)
  })
  if (!Array.isArray(module.valid) || !Array.isArray(module.invalid)) throw new Error(missing)
  return { valid: module.valid, invalid: module.invalid }
}

test('every rule has a unique id, a title, and at least one scope', () => {
  expect(new Set(LINT_RULE_IDS).size).toBe(LINT_RULES.length)
  expect(LINT_RULE_IDS).toEqual(LINT_RULES.map((rule) => rule.id))
  for (const rule of LINT_RULES) {
    expect(rule.title).not.toBe('')
    expect(rule.scopes.length).toBeGreaterThan(0)
  }
})

describe.each(LINT_RULE_IDS)('%s', (ruleId) => {
  test('has valid fixtures that expect no finding and invalid ones that expect one', async () => {
    const { valid, invalid } = await fixturesOf(ruleId)
    expect(valid.length).toBeGreaterThan(0)
    expect(invalid.length).toBeGreaterThan(0)
    for (const fixture of valid) expect(fixture.finds, fixture.name).toEqual([])
    for (const fixture of invalid) expect(fixture.finds.length, fixture.name).toBeGreaterThan(0)
  })

  test('finds an issue of the rule, with its severity, in every invalid fixture', async () => {
    const severity = LINT_RULES.find((rule) => rule.id === ruleId)!.severity
    for (const fixture of (await fixturesOf(ruleId)).invalid) {
      const issues = ruleIssues(ruleId, fixture)
      expect(issues.length, fixture.name).toBeGreaterThan(0)
      for (const issue of issues) expect(issue.severity, fixture.name).toBe(severity)
    }
  })

  test('finds no issue of the rule in any valid fixture', async () => {
    for (const fixture of (await fixturesOf(ruleId)).valid)
      expect(ruleIssues(ruleId, fixture), fixture.name).toEqual([])
  })

  test('the incremental lint built from each fixture finds what a full run finds', async () => {
    const { valid, invalid } = await fixturesOf(ruleId)
    for (const fixture of [...valid, ...invalid]) {
      const full = lint(toWorkflowGraph(fixture.records, fixture.roles))
      const incremental = createIncrementalLint({ records: fixture.records, roles: fixture.roles })
      const canonical = (issues: readonly unknown[]) => issues.map((issue) => JSON.stringify(issue)).sort()
      expect(canonical(incremental.issues()), fixture.name).toEqual(canonical(full))
    }
  })
})
