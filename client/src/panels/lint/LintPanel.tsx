import { LINT_RULES, type LintIssue, type LintRuleId } from '@flowmap/shared'
import { useMemo } from 'react'
import { type Editor, useValue } from 'tldraw'
import { CommentOnFinding } from '../../comments/CommentOnFinding.tsx'
import type { BoardModel } from '../../sync/board-model.ts'
import { useLiveValue } from '../../sync/use-board-model.ts'
import { PanelSection } from '../PanelSection.tsx'
import { focusShapes } from './focus-shapes.ts'
import { useLiveLint } from './use-live-lint.ts'
import './lint.css'

/** Enough to act on; the rest are a click on the rule away once these are fixed. */
const SHOWN_PER_RULE = 30

const NONE_DISABLED: readonly string[] = []

type LintPanelProps = { editor: Editor | null; model: BoardModel | null }

/**
 * The board's structure checks, live: issues grouped by rule, each a click away from its shapes.
 * A rule can be switched off for the board (stored with the board, so everyone shares the choice).
 * Warnings only: nothing here ever blocks an edit.
 */
export function LintPanel({ editor, model }: LintPanelProps) {
  const issues = useLiveLint(editor, model)
  const disabled = useLiveValue(model?.meta ?? null)?.disabledLintRules ?? NONE_DISABLED
  const readonly = useValue('is readonly', () => editor?.getIsReadonly() ?? false, [editor])
  const byRule = useMemo(() => {
    const groups = new Map<LintRuleId, LintIssue[]>()
    for (const issue of issues) {
      const group = groups.get(issue.ruleId)
      if (group) group.push(issue)
      else groups.set(issue.ruleId, [issue])
    }
    return groups
  }, [issues])

  return (
    <PanelSection
      title={
        <>
          Checks{' '}
          <span className="flowmap-lint__total" data-testid="lint-panel-count">
            {issues.length === 0 ? 'all clear' : `${issues.length} issue${issues.length === 1 ? '' : 's'}`}
          </span>
        </>
      }
      testId="lint-panel"
      className="flowmap-lint"
      // The toolbar's lint count scrolls to this heading.
      titleId="flowmap-lint-title"
    >
      <ul className="flowmap-lint__rules">
        {LINT_RULES.map((rule) => {
          const ruleIssues = byRule.get(rule.id) ?? []
          const on = !disabled.includes(rule.id)
          return (
            <li
              key={rule.id}
              className="flowmap-lint__rule"
              data-testid={`lint-rule-${rule.id}`}
              data-on={on}
            >
              <div className="flowmap-lint__rule-head">
                <span
                  className={`flowmap-lint__dot flowmap-lint__dot--${rule.severity}`}
                  aria-hidden="true"
                />
                <span className="flowmap-lint__rule-title">{rule.title}</span>
                <span className="flowmap-lint__rule-count" data-testid={`lint-rule-count-${rule.id}`}>
                  {on ? ruleIssues.length : 'off'}
                </span>
                <label
                  className="flowmap-lint__switch"
                  title={on ? 'Switch this check off for the board' : 'Switch this check on for the board'}
                >
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={readonly || !model}
                    data-testid={`lint-rule-toggle-${rule.id}`}
                    aria-label={`${rule.title}: check ${on ? 'on' : 'off'}`}
                    onChange={(event) => model?.setLintRule(rule.id, event.currentTarget.checked)}
                  />
                </label>
              </div>
              {on && ruleIssues.length > 0 && (
                <ul className="flowmap-lint__issues">
                  {ruleIssues.slice(0, SHOWN_PER_RULE).map((issue) => (
                    <li key={`${issue.shapeIds.join(' ')}|${issue.message}`}>
                      <button
                        type="button"
                        className="flowmap-lint__issue"
                        data-testid="lint-issue"
                        data-rule={issue.ruleId}
                        title="Select and zoom to the shapes"
                        onClick={() => editor && focusShapes(editor, issue.shapeIds)}
                      >
                        {issue.message}
                      </button>
                      <CommentOnFinding editor={editor} shapeIds={issue.shapeIds} ruleId={issue.ruleId} />
                    </li>
                  ))}
                  {ruleIssues.length > SHOWN_PER_RULE && (
                    <li className="flowmap-panel__note">and {ruleIssues.length - SHOWN_PER_RULE} more</li>
                  )}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
    </PanelSection>
  )
}
