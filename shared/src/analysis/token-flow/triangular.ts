import type { ThreePoint } from '../../schema/flow-timing.ts'

/**
 * A draw from the triangular distribution of a three-point estimate, by inverting its CDF at `u`
 * (uniform in [0, 1)). A single-point estimate answers its value without using `u`; null counts 0.
 */
export function triangular(estimate: ThreePoint | null, u: number): number {
  if (estimate === null) return 0
  const { min, likely, max } = estimate
  if (max <= min) return likely
  const span = max - min
  const cut = (likely - min) / span
  return u < cut
    ? min + Math.sqrt(u * span * (likely - min))
    : max - Math.sqrt((1 - u) * span * (max - likely))
}

/** Draws from `estimate` with `random`, drawing nothing when the estimate has no spread. */
export function sampleTime(estimate: ThreePoint | null, random: () => number): number {
  if (estimate === null) return 0
  return estimate.max <= estimate.min ? estimate.likely : triangular(estimate, random())
}
