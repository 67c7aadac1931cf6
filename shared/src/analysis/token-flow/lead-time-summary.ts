/** A bar of the lead-time histogram: cases whose lead time is in [from, to) (the last bar holds its `to`). */
export type HistogramBin = { from: number; to: number; count: number }

export type LeadTimeSummary = {
  p50: number | null
  p85: number | null
  p95: number | null
  mean: number | null
  min: number | null
  max: number | null
  histogram: HistogramBin[]
}

/** Bars of the histogram: about one per square root of the cases, at most this many, so it stays readable. */
export const MAX_HISTOGRAM_BINS = 24

/** Percentiles (nearest rank), mean and histogram of lead times sorted ascending; nulls when there are none. */
export function summariseLeadTimes(sorted: readonly number[]): LeadTimeSummary {
  const n = sorted.length
  if (n === 0) return { p50: null, p85: null, p95: null, mean: null, min: null, max: null, histogram: [] }
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * n) - 1)]!
  const min = sorted[0]!
  const max = sorted[n - 1]!
  const mean = sorted.reduce((sum, value) => sum + value, 0) / n
  return { p50: rank(0.5), p85: rank(0.85), p95: rank(0.95), mean, min, max, histogram: histogramOf(sorted) }
}

function histogramOf(sorted: readonly number[]): HistogramBin[] {
  const min = sorted[0]!
  const max = sorted[sorted.length - 1]!
  if (max === min) return [{ from: min, to: max, count: sorted.length }]
  const bins = Math.min(MAX_HISTOGRAM_BINS, Math.max(2, Math.ceil(Math.sqrt(sorted.length))))
  const width = (max - min) / bins
  const histogram = Array.from({ length: bins }, (_, k) => ({
    from: min + k * width,
    to: k === bins - 1 ? max : min + (k + 1) * width,
    count: 0,
  }))
  for (const value of sorted) histogram[Math.min(bins - 1, Math.floor((value - min) / width))]!.count++
  return histogram
}
