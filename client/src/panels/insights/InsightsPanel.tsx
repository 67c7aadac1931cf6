import { STEP_AUTOMATIONS, type StepAutomation } from '@flowmap/shared'
import { type RefObject, useEffect, useRef, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { BoardModel } from '../../sync/board-model.ts'
import { focusShapes } from '../lint/focus-shapes.ts'
import { BarChart } from './BarChart.tsx'
import { criticalPathHighlightAtom } from './critical-path-state.ts'
import { DonutChart } from './DonutChart.tsx'
import { ScoreCard } from './ScoreCard.tsx'
import { useContributors, useWorkflowInsights } from './use-workflow-insights.ts'
import './insights.css'

const AUTOMATION_LABELS: Record<StepAutomation, string> = {
  manual: 'Manual',
  assisted: 'Assisted',
  automated: 'Automated',
  'ai-agent': 'AI agent',
}
const AUTOMATION_COLORS: Record<StepAutomation, string> = {
  manual: '#868e96',
  assisted: '#4dabf7',
  automated: '#4263eb',
  'ai-agent': '#ae3ec9',
}
const TOP_BOTTLENECKS = 5

type InsightsPanelProps = {
  editor: Editor | null
  model: BoardModel | null
  /** With these, the scorecard counts the people who edited the board (from the server's history). */
  boardId?: string
  token?: string | null
}

/**
 * What the map says about the work: the four-Cs scorecard, who owns what, where work changes hands,
 * bottlenecks, the critical path (highlighted on the canvas on request) and the automation mix.
 */
export function InsightsPanel({ editor, model, boardId, token }: InsightsPanelProps) {
  const contributors = useContributors(boardId, token)
  const sectionRef = useRef<HTMLElement>(null)
  const shown = useShown(sectionRef)
  const result = useWorkflowInsights(model, contributors, shown)
  const highlight = useValue(
    'critical path highlighted',
    () => (editor ? criticalPathHighlightAtom(editor).get() !== null : false),
    [editor],
  )
  const path = result?.insights.criticalPath

  // Keep the highlight on the current path as the map changes; drop it when the panel goes away.
  useEffect(() => {
    if (!editor || !path) return
    const atom = criticalPathHighlightAtom(editor)
    if (atom.get() !== null) atom.set({ nodeIds: path.nodeIds, edgeIds: path.edgeIds })
  }, [editor, path])
  useEffect(
    () => () => {
      if (editor) criticalPathHighlightAtom(editor).set(null)
    },
    [editor],
  )

  if (result === null) {
    return (
      <section className="flowmap-panel" data-testid="insights-panel" ref={sectionRef}>
        <h2 className="flowmap-panel__title">Insights</h2>
        <p className="flowmap-panel__empty">Reading the map…</p>
      </section>
    )
  }
  const { insights, roles } = result
  const colorOf = new Map(roles.map((role) => [role.id, role.color]))
  const nameOf = (roleId: string) => roles.find((role) => role.id === roleId)?.name ?? roleId
  const focus = (ids: readonly string[]) => () => editor && focusShapes(editor, ids)
  const stepCount = insights.automation.levels.reduce((sum, level) => sum + level.steps, 0)
  const automatedShare =
    stepCount === 0
      ? 0
      : Math.round(
          (insights.automation.levels
            .filter((level) => level.level !== 'manual')
            .reduce((sum, level) => sum + level.steps, 0) /
            stepCount) *
            100,
        )
  const { ownership, handoffs, bottlenecks, automation } = insights

  const toggleHighlight = () => {
    if (!editor || !path) return
    const atom = criticalPathHighlightAtom(editor)
    if (atom.get() === null) {
      atom.set({ nodeIds: path.nodeIds, edgeIds: path.edgeIds })
      focusShapes(editor, path.nodeIds, { select: false })
    } else atom.set(null)
  }

  return (
    <section
      ref={sectionRef}
      className="flowmap-panel flowmap-insights"
      aria-labelledby="flowmap-insights-title"
      data-testid="insights-panel"
    >
      <h2 className="flowmap-panel__title" id="flowmap-insights-title">
        Insights
      </h2>

      <h3 className="flowmap-insights__heading">Maturity: the four Cs</h3>
      <ScoreCard scores={insights.maturity} />

      <h3 className="flowmap-insights__heading">Ownership</h3>
      {stepCount === 0 ? (
        <p className="flowmap-panel__empty">No steps yet.</p>
      ) : (
        <>
          <BarChart
            label="Steps per role"
            rows={[
              ...ownership.stepsPerRole.map((role) => ({
                key: role.roleId,
                label: role.name,
                value: role.steps,
                caption: `${role.steps} · ${Math.round(role.share * 100)}%`,
                color: colorOf.get(role.roleId) ?? '#4263eb',
                flagged:
                  ownership.overloadedRoleIds.includes(role.roleId) ||
                  ownership.singlePointsOfFailure.includes(role.roleId),
              })),
              ...(ownership.unownedStepIds.length > 0
                ? [
                    {
                      key: 'unowned',
                      label: 'No owner',
                      value: ownership.unownedStepIds.length,
                      color: '#adb5bd',
                      onClick: focus(ownership.unownedStepIds),
                    },
                  ]
                : []),
            ]}
          />
          <ul className="flowmap-insights__findings" data-testid="ownership-findings">
            {ownership.overloadedRoleIds.map((roleId) => (
              <li key={`over-${roleId}`}>
                <strong>{nameOf(roleId)}</strong> owns more than a third of the steps
              </li>
            ))}
            {ownership.singlePointsOfFailure.map((roleId) => (
              <li key={`spof-${roleId}`}>
                <strong>{nameOf(roleId)}</strong> is on every path from start to end: a single point of
                failure
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="flowmap-insights__heading">Handoffs</h3>
      {handoffs.perRolePair.length === 0 ? (
        <p className="flowmap-panel__empty">No work changes hands between roles.</p>
      ) : (
        <>
          <BarChart
            label="Handoffs per pair of roles"
            rows={handoffs.perRolePair.map((pair) => ({
              key: `${pair.fromRole}>${pair.toRole}`,
              label: `${nameOf(pair.fromRole)} → ${nameOf(pair.toRole)}`,
              value: pair.count,
              highlight: pair.uninformed,
              caption:
                pair.uninformed > 0 ? `${pair.count} (${pair.uninformed} uninformed)` : `${pair.count}`,
              color: '#74c0fc',
              onClick: focus(
                handoffs.handoffs
                  .filter((h) => h.fromRole === pair.fromRole && h.toRole === pair.toRole)
                  .flatMap((h) => [h.from, h.to, h.edgeId]),
              ),
            }))}
          />
          <p className="flowmap-panel__note">
            {handoffs.withoutInformation.length} of {handoffs.handoffs.length} handoffs have no information
            flow beside them (red).
          </p>
        </>
      )}

      <h3 className="flowmap-insights__heading">Bottlenecks</h3>
      {bottlenecks.busiest.length === 0 ? (
        <p className="flowmap-panel__empty">No steps or decisions yet.</p>
      ) : (
        <BarChart
          label="Busiest shapes by connections in and out"
          rows={bottlenecks.busiest.slice(0, TOP_BOTTLENECKS).map((load) => ({
            key: load.id,
            label: load.label.trim() || '(unnamed)',
            value: load.fanIn + load.fanOut,
            caption: `${load.fanIn} in · ${load.fanOut} out`,
            color: '#f59f00',
            onClick: focus([load.id]),
          }))}
        />
      )}
      {bottlenecks.blocking.length > 0 && (
        <p className="flowmap-panel__note">
          Blocks the most: <strong>{bottlenecks.blocking[0]!.label.trim() || '(unnamed)'}</strong> (
          {bottlenecks.blocking[0]!.blocks} depend on it)
        </p>
      )}

      <h3 className="flowmap-insights__heading">Critical path</h3>
      {path && path.nodeIds.length > 0 ? (
        <div className="flowmap-insights__path" data-testid="critical-path">
          <p className="flowmap-insights__big">
            <span data-testid="critical-path-hours">{path.hours}</span> h
            <span className="flowmap-insights__sub">
              {' '}
              through {path.nodeIds.length} shapes
              {path.unestimatedStepIds.length > 0 && `, ${path.unestimatedStepIds.length} without estimate`}
            </span>
          </p>
          <button
            type="button"
            className="flowmap-button"
            aria-pressed={highlight}
            data-testid="critical-path-toggle"
            onClick={toggleHighlight}
          >
            {highlight ? 'Hide on canvas' : 'Highlight on canvas'}
          </button>
        </div>
      ) : (
        <p className="flowmap-panel__empty">No path from a start to an end yet.</p>
      )}

      <h3 className="flowmap-insights__heading">Automation</h3>
      <DonutChart
        label="Steps per automation level"
        center={`${automatedShare}%`}
        slices={STEP_AUTOMATIONS.map((level) => ({
          key: level,
          label: AUTOMATION_LABELS[level],
          value: automation.levels.find((entry) => entry.level === level)?.steps ?? 0,
          color: AUTOMATION_COLORS[level],
        }))}
      />
      {automation.unreviewedAiStepIds.length > 0 && (
        <button
          type="button"
          className="flowmap-insights__warning"
          data-testid="unreviewed-ai-steps"
          onClick={focus(automation.unreviewedAiStepIds)}
        >
          {automation.unreviewedAiStepIds.length} AI-agent step
          {automation.unreviewedAiStepIds.length === 1 ? ' has' : 's have'} no person reviewing after them
        </button>
      )}
    </section>
  )
}

/** Whether the element is laid out on screen (a hidden tab or a closed sidebar is not). */
function useShown(ref: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new IntersectionObserver((entries) =>
      setShown(entries.some((entry) => entry.isIntersecting)),
    )
    observer.observe(element)
    return () => observer.disconnect()
  })
  return shown
}
