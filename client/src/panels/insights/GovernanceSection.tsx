import type { AutomationShare, GovernanceInsights } from '@flowmap/shared'
import { BarChart } from './BarChart.tsx'
import { hoursFigure } from './insight-figures.ts'

/** Paths listed in the panel: the longest few tell the story, the rest are in the insights JSON. */
const PATHS_SHOWN = 5

type GovernanceSectionProps = {
  governance: GovernanceInsights
  /** A shape's label by id ("" when unknown): findings name the steps they are about. */
  labelOf(shapeId: string): string
  nameOf(roleId: string): string
  onFocus(shapeIds: readonly string[]): void
}

const shareCaption = (share: AutomationShare) =>
  `${share.automated} of ${share.steps} · ${Math.round(share.share * 100)}%`

/**
 * Who or what does the work, per lane and per path; AI output that leaves the process with nobody
 * checking it; and the manual steps where automation would save the most time.
 */
export function GovernanceSection({ governance, labelOf, nameOf, onFocus }: GovernanceSectionProps) {
  const named = (shapeId: string) => labelOf(shapeId) || 'an unnamed shape'
  const paths = governance.byPath.slice(0, PATHS_SHOWN)
  return (
    <>
      <h3 className="flowmap-insights__heading">AI and automation governance</h3>
      <div data-testid="governance">
        {governance.byLane.length > 0 && (
          <>
            <h4 className="flowmap-insights__subheading">Automated share per lane</h4>
            <BarChart
              label="Automated or AI-agent share of the steps, per lane"
              rows={governance.byLane.map((lane) => ({
                key: lane.laneId,
                label: lane.label || 'Unnamed lane',
                value: lane.share * 100,
                caption: shareCaption(lane),
                color: '#4263eb',
                highlight: lane.steps === 0 ? 0 : (lane.aiAgent / lane.steps) * 100,
                onClick: () => onFocus([lane.laneId]),
              }))}
            />
          </>
        )}
        {paths.length > 0 && (
          <>
            <h4 className="flowmap-insights__subheading">Automated share per path</h4>
            <BarChart
              label="Automated or AI-agent share of the steps, per path from start to end"
              rows={paths.map((path, at) => ({
                key: `${at}:${path.nodeIds.join('>')}`,
                label: `${named(path.nodeIds[0] ?? '')} → ${named(path.nodeIds.at(-1) ?? '')}`,
                value: path.share * 100,
                caption: shareCaption(path),
                color: '#4263eb',
                highlight: path.steps === 0 ? 0 : (path.aiAgent / path.steps) * 100,
                onClick: () => onFocus(path.nodeIds),
              }))}
            />
            {governance.byPath.length > PATHS_SHOWN && (
              <p className="flowmap-panel__note">
                The {PATHS_SHOWN} longest of {governance.byPath.length} paths.
              </p>
            )}
          </>
        )}
        {governance.unreviewedAiOutputs.length > 0 && (
          <ul className="flowmap-insights__list" data-testid="unreviewed-ai-outputs">
            {governance.unreviewedAiOutputs.map((output) => (
              <li key={`${output.stepId}>${output.reachesId}`}>
                <button
                  type="button"
                  className="flowmap-insights__warning"
                  onClick={() => onFocus([output.stepId, output.reachesId])}
                >
                  The AI output of <strong>{named(output.stepId)}</strong> reaches{' '}
                  <strong>{named(output.reachesId)}</strong> with no person reviewing it
                </button>
              </li>
            ))}
          </ul>
        )}
        <h4 className="flowmap-insights__subheading">Where automation could go next</h4>
        {governance.automationCandidates.length === 0 ? (
          <p className="flowmap-panel__empty">
            No manual step with a process time, a single owner and no decision in it.
          </p>
        ) : (
          <ol className="flowmap-insights__list" data-testid="automation-candidates">
            {governance.automationCandidates.map((candidate) => (
              <li key={candidate.stepId}>
                <button
                  type="button"
                  className="flowmap-insights__link"
                  onClick={() => onFocus([candidate.stepId])}
                >
                  {named(candidate.stepId)}
                </button>
                <span className="flowmap-insights__sub">
                  {' '}
                  {hoursFigure(candidate.process)} by hand · {nameOf(candidate.ownerId)}
                </span>
              </li>
            ))}
          </ol>
        )}
        {governance.byLane.length === 0 && paths.length === 0 && (
          <p className="flowmap-panel__note">
            No lanes and no path from a start to an end yet: the automated shares appear once there are.
          </p>
        )}
      </div>
    </>
  )
}
