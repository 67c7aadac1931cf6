// SCRATCH: the rest of the analytics helper's contract (compare.ts) (brief analytics.md), declared here only until the
// `analytics` branch is merged; then deleted and imported from @flowmap/shared.

export type MetricComparison = {
  metric: string
  label: string
  unit: 'hours' | 'percent' | 'count' | 'ratio'
  before: number | null
  after: number | null
  delta: number | null
  better: 'before' | 'after' | null
}
