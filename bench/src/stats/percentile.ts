/**
 * Nearest-rank percentile over an unsorted sample. Benchmarks report p50/p99 of latencies; nearest rank
 * (not interpolation) so every figure printed is a latency that was actually observed.
 */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null
  const sorted = Float64Array.from(samples).sort()
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null
}
