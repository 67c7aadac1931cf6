/**
 * Child-process entry: starts one server kind on a free port, prints `ready <socket url>` on stdout, and
 * closes it on SIGTERM (exit 0). Run alone so that the server's CPU time and profile contain nothing of the
 * benchmark's hundred clients.
 *
 *   node src/fanout/server-process.ts <y-websocket|hocuspocus|flowmap>
 *
 * Commands on stdin, one per line: `profile-start` (answers `profiling`) and `profile-stop <path>` (writes
 * the V8 .cpuprofile there, answers `profiled`): the same profiler as `node --cpu-prof`, but only around
 * the load, so module loading and start-up do not crowd the top of the table.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { createInterface } from 'node:readline'
import { isServerKind, SERVER_KINDS, type ServerKind, type StartedServer } from './servers/server-kind.ts'

async function start(kind: ServerKind): Promise<StartedServer> {
  switch (kind) {
    case 'y-websocket':
      return (await import('./servers/y-websocket-server.ts')).startYWebsocketServer()
    case 'hocuspocus':
      return (await import('./servers/hocuspocus-server.ts')).startHocuspocusServer()
    case 'flowmap':
      // Imported lazily: the two references must run even while @flowmap/sync-server cannot load.
      return (await import('./servers/flowmap-server.ts')).startFlowmapBenchServer()
    default: {
      const unknown: never = kind
      throw new Error(`unknown server kind ${String(unknown)}`)
    }
  }
}

const kind = process.argv[2]
if (!isServerKind(kind)) {
  console.error(`usage: server-process.ts <${SERVER_KINDS.join('|')}>, got ${String(kind)}`)
  process.exit(2)
}
const server = await start(kind)
let closing = false
process.on('SIGTERM', () => {
  if (closing) return
  closing = true
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`closing the ${kind} server failed:`, error)
      process.exit(1)
    },
  )
})

const profiler = new Session()
createInterface({ input: process.stdin }).on('line', (line) => {
  const run = async () => {
    if (line === 'profile-start') {
      profiler.connect()
      await profiler.post('Profiler.enable')
      await profiler.post('Profiler.start')
      console.log('profiling')
    } else if (line.startsWith('profile-stop ')) {
      const { profile } = await profiler.post('Profiler.stop')
      writeFileSync(line.slice('profile-stop '.length), JSON.stringify(profile))
      profiler.disconnect()
      console.log('profiled')
    }
  }
  run().catch((error: unknown) => console.error(`profiler command "${line}" failed:`, error))
})
console.log(`ready ${server.socketUrl}`)
