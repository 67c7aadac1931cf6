/**
 * Builds the client once before the e2e run, only when client/dist is missing or older than what it is
 * built from (client sources, the shared model it bundles, the Vite config). The server serves that
 * folder; the fixtures never build.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './fixtures/repo-paths.ts'

const BUILD_INPUTS = [
  'client/src',
  'client/index.html',
  'client/public',
  'client/package.json',
  'shared/src',
  'vite.config.ts',
]
const BUILD_OUTPUT = 'client/dist/index.html'

function newestModification(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    newest = Math.max(newest, newestModification(join(path, entry.name)))
  }
  return newest
}

export default function globalSetup(): void {
  const output = join(REPO_ROOT, BUILD_OUTPUT)
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0
  const sourcesAt = Math.max(...BUILD_INPUTS.map((input) => newestModification(join(REPO_ROOT, input))))
  if (builtAt > sourcesAt) return
  console.log(
    builtAt === 0
      ? 'e2e: building the client (no client/dist yet)'
      : 'e2e: rebuilding the client (sources changed)',
  )
  const build = spawnSync('pnpm', ['exec', 'vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  if (build.status !== 0) {
    throw new Error(
      `e2e: \`pnpm exec vite build\` failed (exit ${build.status ?? build.signal}); the specs need client/dist`,
    )
  }
}
