/**
 * `pnpm dev`: the sync server (restarted on change) and Vite's dev server (hot reload), together.
 * Vite proxies the paths the sync server owns (SERVER_PATH_PREFIXES, shared/src/protocol/server-paths.ts)
 * to it (vite.config.ts).
 * Ctrl-C stops both.
 */
import { type ChildProcess, spawn } from 'node:child_process'

const children: ChildProcess[] = [
  spawn('node', ['--watch', 'sync-server/src/main.ts'], { stdio: 'inherit', env: { ...process.env } }),
  spawn('pnpm', ['exec', 'vite'], { stdio: 'inherit' }),
]

function stopAll(code: number): void {
  for (const child of children) child.kill('SIGTERM')
  process.exitCode = code
}

for (const child of children) {
  child.on('exit', (code) => stopAll(code ?? 0))
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))
