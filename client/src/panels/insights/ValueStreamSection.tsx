import type { StageTiming, ValueStreamMetrics } from '@flowmap/shared'
import { countOf, hoursFigure, percentFigure, shareFigure } from './insight-figures.ts'

type ValueStreamSectionProps = {
  valueStream: ValueStreamMetrics
  onFocus(shapeIds: readonly string[]): void
}

/**
 * The value-stream figures of the map (lead time along its longest path, how much of it is work, how
 * much of the output is right first time) and a timeline with one segment per stage.
 */
export function ValueStreamSection({ valueStream, onFocus }: ValueStreamSectionProps) {
  const { total, unestimatedStepIds, stages } = valueStream
  return (
    <>
      <h3 className="flowmap-insights__heading">Value stream</h3>
      {valueStream.pathNodeIds.length === 0 ? (
        <p className="flowmap-panel__empty">No path from a start to an end yet.</p>
      ) : (
        <div data-testid="value-stream">
          <dl className="flowmap-value-stream__figures">
            <Figure testId="vs-lead" label="Lead time" value={hoursFigure(total.lead)} />
            <Figure testId="vs-process" label="Process time" value={hoursFigure(total.process)} />
            <Figure testId="vs-wait" label="Wait" value={hoursFigure(total.wait)} />
            <Figure
              testId="vs-activity-ratio"
              label="Activity ratio"
              value={shareFigure(total.activityRatio)}
              hint="Process time ÷ lead time along the path"
            />
            <Figure
              testId="vs-rolled-ca"
              label="Rolled % C&A"
              value={percentFigure(total.rolledCompleteAccurate)}
              hint="The share of cases that go through the path with no rework: the steps' % complete and accurate multiplied"
            />
            <Figure
              testId="vs-flow-efficiency"
              label="Flow efficiency"
              value={shareFigure(total.flowEfficiency)}
              hint="All steps of the map: process time ÷ (process time + wait)"
            />
          </dl>
          {unestimatedStepIds.length > 0 && (
            <button
              type="button"
              className="flowmap-insights__warning"
              data-testid="vs-unestimated"
              onClick={() => onFocus(unestimatedStepIds)}
            >
              {countOf(unestimatedStepIds.length, 'step')} on the path{' '}
              {unestimatedStepIds.length === 1 ? 'has' : 'have'} no process time
            </button>
          )}
          <StageTimeline stages={stages} onFocus={onFocus} />
        </div>
      )}
    </>
  )
}

function Figure({
  testId,
  label,
  value,
  hint,
}: {
  testId: string
  label: string
  value: string
  hint?: string
}) {
  return (
    <div className="flowmap-value-stream__figure" title={hint}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  )
}

function stageTitle(stage: StageTiming): string {
  return [
    `${stage.label || 'Unnamed stage'}: lead time ${hoursFigure(stage.lead)}`,
    `wait ${hoursFigure(stage.wait)}, process time ${hoursFigure(stage.process)}`,
    `% C&A ${percentFigure(stage.completeAccurate)}`,
  ].join(' · ')
}

/**
 * Stages side by side, each as wide as its lead time: the hatched part is waiting, the solid part is
 * work, in that order because a step's wait comes before its process time. Stages with no time yet
 * take no width on the bar but stay in the list under it, so none goes missing.
 */
function StageTimeline({
  stages,
  onFocus,
}: {
  stages: readonly StageTiming[]
  onFocus(shapeIds: readonly string[]): void
}) {
  if (stages.length === 0) {
    return <p className="flowmap-panel__note">Put the steps into stages to see the timeline by stage.</p>
  }
  const timed = stages.filter((stage) => stage.lead > 0)
  return (
    <>
      {timed.length > 0 && (
        <ol className="flowmap-value-stream__timeline" aria-label="Lead time by stage">
          {timed.map((stage) => (
            <li key={stage.stageId} style={{ flexGrow: stage.lead }}>
              <button
                type="button"
                className="flowmap-value-stream__segment"
                title={stageTitle(stage)}
                data-testid={`vs-segment-${stage.stageId}`}
                onClick={() => onFocus([stage.stageId])}
              >
                <span
                  className="flowmap-value-stream__wait"
                  style={{ width: `${(stage.wait / stage.lead) * 100}%` }}
                />
                <span
                  className="flowmap-value-stream__process"
                  style={{ width: `${(stage.process / stage.lead) * 100}%` }}
                />
              </button>
            </li>
          ))}
        </ol>
      )}
      <table className="flowmap-value-stream__stages" data-testid="vs-stages">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" title="Lead time (wait + process time)">
              Lead
            </th>
            <th scope="col">Wait</th>
            <th scope="col">Process</th>
            <th scope="col" title="Rolled % complete and accurate">
              % C&A
            </th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage.stageId} data-testid={`vs-stage-${stage.stageId}`}>
              <th scope="row">
                <button
                  type="button"
                  className="flowmap-insights__link"
                  onClick={() => onFocus([stage.stageId])}
                >
                  {stage.label || 'Unnamed stage'}
                </button>
              </th>
              <td>{hoursFigure(stage.lead)}</td>
              <td>{hoursFigure(stage.wait)}</td>
              <td>{hoursFigure(stage.process)}</td>
              <td>{percentFigure(stage.completeAccurate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
