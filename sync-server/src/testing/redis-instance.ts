/**
 * A throwaway Redis for tests: `redis-server` on a free loopback port, its dir a fresh temp dir, no
 * persistence (`--save '' --appendonly no`: Redis only relays between instances, it stores nothing we
 * keep). `stop()` shuts it down and removes the dir; `restart()` starts it again on the same port (a
 * Redis restart under load). An instance still running when the test process exits is killed then.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freeLoopbackPort, stopOnExit } from './service-process.ts'

export interface RedisInstance {
  /** `redis://127.0.0.1:<port>`, as a `REDIS_URL` */
  url: string
  port: number
  dir: string
  /** Stops the server (the dir stays, for `restart()`). */
  shutdown(): Promise<void>
  /** Starts the server again on the same port, after `shutdown()`. */
  restart(): Promise<void>
  /** Stops the server and removes the dir. */
  stop(): Promise<void>
}

const READY = /Ready to accept connections/

/** The redis-server binary (`FLOWMAP_REDIS_SERVER`, else PATH), or a sentence naming the package. */
export function redisServerBinary(): string {
  const fromEnv = process.env.FLOWMAP_REDIS_SERVER
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`FLOWMAP_REDIS_SERVER is ${fromEnv}, which does not exist`)
    return fromEnv
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim()
    if (found !== '') return found
  } catch {
    // the sentence below
  }
  throw new Error(
    'Redis is not installed: install Debian\'s "redis-server" package (apt-get install redis-server) or set FLOWMAP_REDIS_SERVER',
  )
}

export async function startRedis(): Promise<RedisInstance> {
  const binary = redisServerBinary()
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-redis-'))
  let child: ChildProcess | null = null
  const forget = stopOnExit(() => {
    child?.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })
  let port = 0
  try {
    const started = await serve(binary, dir, 0)
    child = started.child
    port = started.port
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    forget()
    throw error
  }
  const shutdown = async () => {
    const running = child
    child = null
    if (running === null || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    shutdown,
    async restart() {
      if (child !== null) throw new Error('restart() needs shutdown() first: the server is running')
      child = (await serve(binary, dir, port)).child
    },
    async stop() {
      await shutdown()
      rmSync(dir, { recursive: true, force: true })
      forget()
    },
  }
}

async function serve(
  binary: string,
  dir: string,
  wantedPort: number,
): Promise<{ child: ChildProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = wantedPort === 0 ? await freeLoopbackPort() : wantedPort
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
    )
    const outcome = await new Promise<'ready' | string>((resolve) => {
      let log = ''
      const onData = (chunk: Buffer) => {
        log += chunk.toString()
        if (READY.test(log)) {
          child.stdout?.off('data', onData)
          child.stdout?.resume()
          resolve('ready')
        }
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString()
      })
      child.once('exit', (code, signal) =>
        resolve(`redis-server exited (${signal ?? code}) before it was ready: ${log.trim()}`),
      )
      child.once('error', (error) => resolve(`redis-server did not start: ${error.message}`))
    })
    if (outcome === 'ready') return { child, port }
    const portTaken = /Address already in use/.test(outcome)
    if (!portTaken || wantedPort !== 0 || attempt >= 5) throw new Error(outcome)
  }
}
