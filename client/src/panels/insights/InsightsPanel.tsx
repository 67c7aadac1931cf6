import { useMemo, useRef } from 'react'
import type { Editor } from 'tldraw'
import type { BoardModel } from '../../sync/board-model.ts'
import { focusShapes } from '../lint/focus-shapes.ts'
import { PanelSection } from '../PanelSection.tsx'
import { AutomationSection } from './AutomationSection.tsx'
import { BottlenecksSection } from './BottlenecksSection.tsx'
import { CompareSection } from './CompareSection.tsx'
import { CriticalPathSection } from './CriticalPathSection.tsx'
import { boardCompareLoader } from './compare-sources.ts'
import { GovernanceSection } from './GovernanceSection.tsx'
import { HandoffsSection } from './HandoffsSection.tsx'
import { OwnershipSection } from './OwnershipSection.tsx'
import { RaciMatrixSection } from './RaciMatrixSection.tsx'
import { ScoreCard } from './ScoreCard.tsx'
import { SimulationSection } from './SimulationSection.tsx'
import { useCriticalPathHighlight } from './use-critical-path-highlight.ts'
import { useShown } from './use-shown.ts'
import { useContributors, useWorkflowInsights } from './use-workflow-insights.ts'
import { ValueStreamSection } from './ValueStreamSection.tsx'
import './insights.css'

type InsightsPanelProps = {
  editor: Editor | null
  model: BoardModel | null
  /** With these, the scorecard counts the people who edited the board (from the server's history). */
  boardId?: string
  token?: string | null
}

/**
 * What the map says about the work: the four-Cs scorecard, who owns what, where work changes hands,
 * bottlenecks, the critical path (highlighted on the canvas on request), the automation mix, the
 * value stream, the RACI matrix (editable in place), AI and automation governance, and as-is vs to-be.
 */
export function InsightsPanel({ editor, model, boardId, token }: InsightsPanelProps) {
  const contributors = useContributors(boardId, token)
  const sectionRef = useRef<HTMLElement>(null)
  const shown = useShown(sectionRef)
  const result = useWorkflowInsights(model, contributors, shown)
  const highlight = useCriticalPathHighlight(editor, result?.insights.criticalPath)
  const compareLoader = useMemo(
    () =>
      editor === null || model === null || boardId === undefined
        ? null
        : boardCompareLoader({
            boardId,
            token: token ?? null,
            store: editor.store,
            current: () => ({
              records: model.records.get(),
              roles: model.roles.get(),
              schema: model.meta.get().schema,
            }),
          }),
    [editor, model, boardId, token],
  )

  if (result === null) {
    return (
      <section className="flowmap-panel" data-testid="insights-panel" ref={sectionRef}>
        <h2 className="flowmap-panel__title">Insights</h2>
        <p className="flowmap-panel__empty">Reading the map…</p>
      </section>
    )
  }
  const { insights, roles, graph } = result
  const colorOf = new Map(roles.map((role) => [role.id, role.color]))
  const nameOf = (roleId: string) => roles.find((role) => role.id === roleId)?.name ?? roleId
  const focus = (ids: readonly string[]) => {
    if (editor) focusShapes(editor, ids)
  }
  const labelOf = (shapeId: string) =>
    graph.nodeById.get(shapeId)?.label ?? graph.laneById.get(shapeId)?.label ?? ''
  const stepCount = insights.automation.levels.reduce((sum, level) => sum + level.steps, 0)

  return (
    <PanelSection ref={sectionRef} title="Insights" testId="insights-panel" className="flowmap-insights">
      <h3 className="flowmap-insights__heading">Maturity: the four Cs</h3>
      <ScoreCard scores={insights.maturity} />
      <OwnershipSection
        ownership={insights.ownership}
        stepCount={stepCount}
        nameOf={nameOf}
        colorOf={(roleId) => colorOf.get(roleId)}
        onFocus={focus}
      />
      <HandoffsSection handoffs={insights.handoffs} nameOf={nameOf} onFocus={focus} />
      <BottlenecksSection bottlenecks={insights.bottlenecks} onFocus={focus} />
      <CriticalPathSection
        path={insights.criticalPath}
        highlighted={highlight.highlighted}
        onToggleHighlight={highlight.toggle}
      />
      <AutomationSection automation={insights.automation} stepCount={stepCount} onFocus={focus} />
      <ValueStreamSection valueStream={insights.valueStream} onFocus={focus} />
      <RaciMatrixSection raci={insights.raci} roles={roles} editor={editor} onFocus={focus} />
      <GovernanceSection governance={insights.governance} labelOf={labelOf} nameOf={nameOf} onFocus={focus} />
      <CompareSection loader={compareLoader} />
      <SimulationSection model={model} />
    </PanelSection>
  )
}
