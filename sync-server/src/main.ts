/**
 * `node sync-server/src/main.ts`: reads the environment once, refuses a bad or unsafe configuration
 * with every problem listed, starts, prints exactly one line to stdout once it accepts connections (with auth on, a facilitator link), and
 * closes cleanly (exit 0) on SIGTERM/SIGINT. Logs go to stderr.
 */
import { readyLine } from './auth/startup-link.ts'
import { configFromEnv } from './config.ts'
import { startFlowmapServer } from './server.ts'

const parsed = configFromEnv(process.env)
if (!parsed.ok) {
  process.stderr.write(`Flowmap cannot start:\n${parsed.errors.map((error) => `  - ${error}`).join('\n')}\n`)
  process.exit(1)
}

const server = await startFlowmapServer(parsed.config).catch((error: unknown) => {
  // A refusal to open the data (a missing or replaced database) says what to do; no stack trace.
  process.stderr.write(
    `Flowmap cannot start:\n  - ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
// With auth on, the line carries a facilitator link for the home page (auth/startup-link.ts says why).
process.stdout.write(`${await readyLine(parsed.config, server.url, new Date())}\n`)

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  server.logger.info({ event: 'signal', signal }, 'shutting down')
  try {
    await server.close()
    process.exit(0)
  } catch (error) {
    server.logger.error({ event: 'error', err: error }, 'shutdown failed')
    process.exit(1)
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
