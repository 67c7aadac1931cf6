import { type AutomationInsights, STEP_AUTOMATIONS, type StepAutomation } from '@flowmap/shared'
import { DonutChart } from './DonutChart.tsx'

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

type AutomationSectionProps = {
  automation: AutomationInsights
  stepCount: number
  onFocus(shapeIds: readonly string[]): void
}

/** The steps per automation level, the share not done by hand, and AI-agent steps nobody reviews. */
export function AutomationSection({ automation, stepCount, onFocus }: AutomationSectionProps) {
  const automatedShare =
    stepCount === 0
      ? 0
      : Math.round(
          (automation.levels
            .filter((level) => level.level !== 'manual')
            .reduce((sum, level) => sum + level.steps, 0) /
            stepCount) *
            100,
        )
  return (
    <>
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
          onClick={() => onFocus(automation.unreviewedAiStepIds)}
        >
          {automation.unreviewedAiStepIds.length} AI-agent step
          {automation.unreviewedAiStepIds.length === 1 ? ' has' : 's have'} no person reviewing after them
        </button>
      )}
    </>
  )
}
