/**
 * `pnpm bench`: runs every benchmark (each top-level `src/*-bench.ts`) in sequence, one child process
 * each so that none inherits another's heap, sockets or JIT state. Each prints its own figures and its
 * ratio against a reference measured in the same run. BENCH_QUICK=1 asks each for a short run.
 * Exits non-zero when any benchmark did.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const sourceDir = fileURLToPath(new URL('.', import.meta.url))
const only = process.argv.slice(2)
const benchmarks = readdirSync(sourceDir)
  .filter((name) => name.endsWith('-bench.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort()

const failed: string[] = []
for (const name of benchmarks) {
  console.log(`\n=== ${name} ===`)
  const started = performance.now()
  const result = spawnSync(process.execPath, [`${sourceDir}${name}`], { stdio: 'inherit' })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) failed.push(`${name} (exit ${result.status ?? result.signal})`)
  console.log(`=== ${name}: ${result.status === 0 ? 'done' : 'FAILED'} in ${seconds} s ===`)
}
if (benchmarks.length === 0)
  console.log(`no *-bench.ts in ${sourceDir}${only.length ? ` matching ${only.join(' ')}` : ''}`)
if (failed.length > 0) {
  console.log(`\nfailed: ${failed.join(', ')}`)
  process.exit(1)
}
