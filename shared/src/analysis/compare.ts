import type { WorkflowInsights } from './analyze.ts'

/** One metric of two analyses side by side (as-is and to-be: two versions, or two boards). */
export type MetricComparison = {
  /** A stable key: 'lead', 'handoffs', … */
  metric: string
  /** What a facilitator reads: "Total lead time". */
  label: string
  unit: 'hours' | 'percent' | 'count' | 'ratio'
  before: number | null
  after: number | null
  /** after − before; null when either is unknown. */
  delta: number | null
  /** Which side is better by the metric's direction; null when they are equal, or either is unknown. */
  better: 'before' | 'after' | null
}

type Metric = {
  metric: string
  label: string
  unit: MetricComparison['unit']
  /** Whether a higher value is the better one. */
  higherIsBetter: boolean
  read(insights: WorkflowInsights): number | null
}

/**
 * The metrics compared, in the order a comparison lists them. Automation share counts steps at the
 * automated and AI-agent levels (the automation insights); a RACI gap is a step without exactly one
 * accountable role that exists on the board, as the raci-accountable-count rule says.
 */
const METRICS: readonly Metric[] = [
  {
    metric: 'lead',
    label: 'Total lead time',
    unit: 'hours',
    higherIsBetter: false,
    read: (insights) => insights.valueStream.total.lead,
  },
  {
    metric: 'process',
    label: 'Process time',
    unit: 'hours',
    higherIsBetter: false,
    read: (insights) => insights.valueStream.total.process,
  },
  {
    metric: 'wait',
    label: 'Wait time',
    unit: 'hours',
    higherIsBetter: false,
    read: (insights) => insights.valueStream.total.wait,
  },
  {
    metric: 'activity-ratio',
    label: 'Activity ratio',
    unit: 'ratio',
    higherIsBetter: true,
    read: (insights) => insights.valueStream.total.activityRatio,
  },
  {
    metric: 'rolled-complete-accurate',
    label: 'Rolled % complete & accurate',
    unit: 'percent',
    higherIsBetter: true,
    read: (insights) => insights.valueStream.total.rolledCompleteAccurate,
  },
  {
    metric: 'flow-efficiency',
    label: 'Flow efficiency',
    unit: 'ratio',
    higherIsBetter: true,
    read: (insights) => insights.valueStream.total.flowEfficiency,
  },
  {
    metric: 'handoffs',
    label: 'Handoffs',
    unit: 'count',
    higherIsBetter: false,
    read: (insights) => insights.handoffs.handoffs.length,
  },
  {
    metric: 'uninformed-handoffs',
    label: 'Handoffs without information',
    unit: 'count',
    higherIsBetter: false,
    read: (insights) => insights.handoffs.withoutInformation.length,
  },
  {
    metric: 'automation-share',
    label: 'Automation share',
    unit: 'ratio',
    higherIsBetter: true,
    read: (insights) =>
      insights.automation.levels
        .filter((level) => level.level === 'automated' || level.level === 'ai-agent')
        .reduce((share, level) => share + level.share, 0),
  },
  {
    metric: 'raci-gaps',
    label: 'RACI gaps (steps without exactly one accountable)',
    unit: 'count',
    higherIsBetter: false,
    read: raciGaps,
  },
  {
    metric: 'unreviewed-ai-outputs',
    label: 'Unreviewed AI outputs',
    unit: 'count',
    higherIsBetter: false,
    read: (insights) => insights.governance.unreviewedAiOutputs.length,
  },
]

/** Every metric of METRICS for two analyses, with the difference and which side it favours. */
export function compareInsights(before: WorkflowInsights, after: WorkflowInsights): MetricComparison[] {
  return METRICS.map(({ metric, label, unit, higherIsBetter, read }) => {
    const was = read(before)
    const is = read(after)
    const delta = was === null || is === null ? null : is - was
    const better =
      delta === null || delta === 0
        ? null
        : delta > 0 === higherIsBetter
          ? ('after' as const)
          : ('before' as const)
    return { metric, label, unit, before: was, after: is, delta, better }
  })
}

/** Steps of the matrix with no accountable role of the board, or more than one. */
function raciGaps(insights: WorkflowInsights): number {
  const boardRoles = new Set(insights.raci.roleIds)
  return insights.raci.rows.filter((row) => {
    if (row.type !== 'step') return false
    const accountable = Object.entries(row.cells).filter(
      ([roleId, letters]) => boardRoles.has(roleId) && letters.includes('A'),
    )
    return accountable.length !== 1
  }).length
}
