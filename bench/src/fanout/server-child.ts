import { fileURLToPath } from 'node:url'
import { startCommandChild } from '../process/command-child.ts'
import type { ServerKind } from './servers/server-kind.ts'

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url))

export interface ServerChild {
  kind: ServerKind
  socketUrl: string
  /** Starts V8's CPU profiler inside the server process (start-up stays out of the profile). */
  startProfile(): Promise<void>
  /** Stops it and has the server write the .cpuprofile to `path`. */
  stopProfile(path: string): Promise<void>
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>
}

export interface ServerChildOptions {
  startTimeoutMs?: number
}

/** Starts `server-process.ts <kind>` and resolves once it prints its `ready <url>` line. */
export async function startServerChild(
  kind: ServerKind,
  options: ServerChildOptions = {},
): Promise<ServerChild> {
  const server = await startCommandChild({
    entry,
    args: [kind],
    name: `${kind} server`,
    startTimeoutMs: options.startTimeoutMs ?? 20_000,
  })
  return {
    kind,
    socketUrl: server.readyUrl,
    startProfile: async () => void (await server.ask('profile-start', 'profiling')),
    stopProfile: async (path) => void (await server.ask(`profile-stop ${path}`, 'profiled')),
    stop: server.stop,
  }
}
