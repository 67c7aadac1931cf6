/**
 * The convergence fuzzer (see convergence-harness.ts): seeded runs of 3–5 real providers editing one
 * board through a real server process that is SIGKILLed and SIGTERMed meanwhile, with clients going
 * offline and partitioned. Each run must end byte-identical everywhere, valid, repaired, with every
 * acknowledged edit stored and every surviving value one somebody wrote.
 *
 * CI runs a few fixed seeds. `FUZZ_SEEDS=N` runs N seeds from `FUZZ_SEED_BASE` (default 1000),
 * `FUZZ_SEED=s` one. A failure prints its seed and the last steps. These clients are honest, so any
 * refusal of theirs fails the run; `FUZZ_STRICT_REFUSALS=0` only counts them (to look past one while
 * chasing another failure).
 */
import { describe, expect, it } from 'vitest'
import { type FuzzOptions, runConvergenceFuzz } from './convergence-harness.ts'

const CI_SEEDS = [1, 2, 3]

function seedsToRun(env: Record<string, string | undefined>): number[] {
  if (env.FUZZ_SEED !== undefined && env.FUZZ_SEED !== '') return [Number(env.FUZZ_SEED)]
  if (env.FUZZ_SEEDS !== undefined && env.FUZZ_SEEDS !== '') {
    const base = Number(env.FUZZ_SEED_BASE ?? 1000)
    return Array.from({ length: Number(env.FUZZ_SEEDS) }, (_, i) => base + i)
  }
  return CI_SEEDS
}

function optionsFor(seed: number): FuzzOptions {
  return {
    seed,
    // 3, 4 or 5 clients, by seed.
    clients: 3 + (seed % 3),
    operations: Number(process.env.FUZZ_OPERATIONS ?? 150),
    kills: 1,
    gracefulRestarts: 1,
    strictRefusals: process.env.FUZZ_STRICT_REFUSALS !== '0',
  }
}

describe('convergence under faults', () => {
  for (const seed of seedsToRun(process.env)) {
    it(`seed ${seed}: every client and the server converge on one valid board keeping every acknowledged edit`, async () => {
      const report = await runConvergenceFuzz(optionsFor(seed))
      console.log(`convergence fuzz ${JSON.stringify(report)}`)
      expect(report.operations).toBeGreaterThanOrEqual(optionsFor(seed).operations)
      expect(report.durabilityChecks).toBe(3)
    }, 240_000)
  }
})
