/**
 * Runs every suite (vitest projects, then Playwright's e2e specs) and prints, as the very last line,
 * the totals over all of them: "N passed, N failed[, N skipped]". Exits non-zero if any suite failed
 * or any runner exited non-zero (a crash with no report counts as one failure).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

interface Totals {
  passed: number
  failed: number
  skipped: number
}

const reportDir = '.vitest-reports'
rmSync(reportDir, { recursive: true, force: true })
mkdirSync(reportDir, { recursive: true })

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status ?? 1
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

function vitestTotals(exitCode: number): Totals {
  const report = readJson(join(reportDir, 'vitest.json')) as
    | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    | undefined
  if (!report) return { passed: 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 }
  const failed = report.numFailedTests + (exitCode !== 0 && report.numFailedTests === 0 ? 1 : 0)
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests }
}

function playwrightTotals(exitCode: number): Totals {
  const report = readJson(join(reportDir, 'playwright.json')) as
    | { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
    | undefined
  if (!report) return { passed: 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 }
  const { expected, unexpected, flaky, skipped } = report.stats
  const failed = unexpected + (exitCode !== 0 && unexpected === 0 ? 1 : 0)
  return { passed: expected + flaky, failed, skipped }
}

function hasE2eSpecs(): boolean {
  return (
    existsSync('e2e') && readdirSync('e2e', { recursive: true }).some((f) => String(f).endsWith('.spec.ts'))
  )
}

const suites: Totals[] = []
const vitestExit = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reportDir, 'vitest.json')}`,
])
suites.push(vitestTotals(vitestExit))

if (hasE2eSpecs()) {
  const e2eExit = run('pnpm', ['exec', 'playwright', 'test', '--config', 'e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(process.cwd(), reportDir, 'playwright.json'),
  })
  suites.push(playwrightTotals(e2eExit))
}

const total = suites.reduce(
  (sum, s) => ({
    passed: sum.passed + s.passed,
    failed: sum.failed + s.failed,
    skipped: sum.skipped + s.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
)
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : ''
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`)
process.exit(total.failed > 0 ? 1 : 0)
