/**
 * Child-process entry: starts one server kind on a free port, prints `ready <socket url>` on stdout, and
 * closes it on SIGTERM (exit 0, so `--cpu-prof` writes its profile). Run alone so that the server's CPU time
 * and profile contain nothing of the benchmark's hundred clients.
 *
 *   node src/fanout/server-process.ts <y-websocket|hocuspocus|flowmap>
 */
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
console.log(`ready ${server.socketUrl}`)
