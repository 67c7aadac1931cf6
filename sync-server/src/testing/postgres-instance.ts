/**
 * A throwaway Postgres for tests: `initdb` into a fresh temp dir, the server on a free loopback port
 * (its unix socket in the same dir, fsync on: durability is what the tests check), one database per
 * `createDatabase()`. `stop()` shuts it down fast and removes the dir; `restart()` starts it again on
 * the same data dir (what a crashed or restarted database looks like to the sync server). An instance
 * still running when the test process exits is killed then, and its dir removed.
 *
 * Postgres refuses to run as root, and tests and CI do: as root, every binary runs as the `postgres`
 * user (Debian's package creates it) and the temp dir is handed to that user.
 *
 * The binaries: `FLOWMAP_PG_BIN` if set, else the highest `/usr/lib/postgresql/<version>/bin` (Debian
 * keeps them off PATH), else whatever `postgres` PATH finds.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freeLoopbackPort, type ProcessUser, processUser, stopOnExit } from './service-process.ts'

export interface PostgresInstance {
  /** A database made at start (`flowmap`), as a `DATABASE_URL`. */
  url: string
  port: number
  /** The temp dir holding the cluster (`data/`) and the unix socket. */
  dir: string
  /** Makes a fresh, empty database and answers its `DATABASE_URL`. */
  createDatabase(name?: string): Promise<string>
  /**
   * Makes a fresh, empty schema in the `flowmap` database and answers a `DATABASE_URL` whose
   * connections use it (`search_path`): as good as a new database for a test, at a hundredth of the
   * cost (CREATE DATABASE copies and fsyncs a whole template).
   */
  createSchema(): Promise<string>
  /** Fast shutdown (in-flight transactions are rolled back, the committed ones are on disk). */
  shutdown(): Promise<void>
  /** Starts the server again on the same data dir and port, after `shutdown()`. */
  restart(): Promise<void>
  /** Shuts the server down and removes the dir. */
  stop(): Promise<void>
}

const READY = /database system is ready to accept connections/

/** Where the Postgres binaries are, or a sentence saying how to get them. */
export function postgresBinDir(): string {
  const fromEnv = process.env.FLOWMAP_PG_BIN
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(join(fromEnv, 'postgres'))) {
      throw new Error(`FLOWMAP_PG_BIN is ${fromEnv}, which holds no postgres binary`)
    }
    return fromEnv
  }
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(debian, name, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0] !== undefined) return join(debian, versions[0], 'bin')
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v postgres'], { encoding: 'utf8' }).trim()
    if (found !== '') return found.slice(0, found.lastIndexOf('/'))
  } catch {
    // not on PATH either: the sentence below
  }
  throw new Error(
    'Postgres is not installed: install Debian\'s "postgresql" package (apt-get install postgresql) or set FLOWMAP_PG_BIN to the dir holding initdb and postgres',
  )
}

let databases = 0

export async function startPostgres(): Promise<PostgresInstance> {
  const bin = postgresBinDir()
  const user = processUser('postgres')
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-pg-'))
  if (user !== null) chownSync(dir, user.uid, user.gid)
  const dataDir = join(dir, 'data')
  let child: ChildProcess | null = null
  let port = 0
  const forget = stopOnExit(() => {
    if (child !== null) {
      // Synchronous (the process is exiting): pg_ctl's immediate stop returns once the postmaster and
      // its backends are gone, so none writes into the dir while it is removed.
      try {
        execFileSync(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '10'], {
          stdio: 'ignore',
          cwd: dir,
          ...(user ?? {}),
        })
      } catch {
        child.kill('SIGKILL')
      }
    }
    rmSync(dir, { recursive: true, force: true })
  })
  try {
    // --no-sync: the catalog initdb writes need no fsync for a throwaway cluster; the running server
    // keeps fsync on for every commit.
    run(
      join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'],
      dir,
      user,
    )
    const started = await serve(bin, dataDir, dir, user, 0)
    child = started.child
    port = started.port
    await adminQuery(port, 'CREATE DATABASE flowmap')
  } catch (error) {
    child?.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    forget()
    throw error
  }

  const shutdown = async () => {
    const running = child
    child = null
    if (running === null || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGINT')
    await exited
  }
  return {
    url: urlOf(port, 'flowmap'),
    port,
    dir,
    async createDatabase(name = `flowmap_${process.pid}_${++databases}`) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} is not a plain identifier`)
      await adminQuery(port, `CREATE DATABASE ${name}`)
      return urlOf(port, name)
    },
    async createSchema() {
      const name = `test_${process.pid}_${++databases}`
      await adminQuery(port, `CREATE SCHEMA ${name}`, 'flowmap')
      return `${urlOf(port, 'flowmap')}?options=${encodeURIComponent(`-c search_path=${name}`)}`
    },
    shutdown,
    async restart() {
      if (child !== null) throw new Error('restart() needs shutdown() first: the server is running')
      child = (await serve(bin, dataDir, dir, user, port)).child
    },
    async stop() {
      await shutdown()
      rmSync(dir, { recursive: true, force: true })
      forget()
    },
  }
}

function urlOf(port: number, database: string): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`
}

function run(file: string, args: string[], cwd: string, user: ProcessUser | null): void {
  try {
    execFileSync(file, args, { stdio: 'pipe', cwd, ...(user ?? {}) })
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? ''
    throw new Error(`${file} ${args.join(' ')} failed: ${stderr || String(error)}`)
  }
}

/**
 * Starts `postgres` and resolves once it says it accepts connections. Port 0 picks a free one, and
 * picks again when another process took it between the pick and the bind.
 */
async function serve(
  bin: string,
  dataDir: string,
  socketDir: string,
  user: ProcessUser | null,
  wantedPort: number,
): Promise<{ child: ChildProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = wantedPort === 0 ? await freeLoopbackPort() : wantedPort
    const child = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-k',
        socketDir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=on',
        '-c',
        'synchronous_commit=on',
        '-c',
        'max_connections=50',
        '-c',
        'shared_buffers=16MB',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: socketDir, ...(user ?? {}) },
    )
    const outcome = await new Promise<'ready' | string>((resolve) => {
      let log = ''
      const onData = (chunk: Buffer) => {
        log += chunk.toString()
        if (READY.test(log)) {
          child.stderr?.off('data', onData)
          // Keep draining: a full pipe would block the server's logging.
          child.stderr?.resume()
          resolve('ready')
        }
      }
      child.stderr?.on('data', onData)
      child.once('exit', (code, signal) =>
        resolve(`postgres exited (${signal ?? code}) before it was ready: ${log.trim()}`),
      )
      child.once('error', (error) => resolve(`postgres did not start: ${error.message}`))
    })
    if (outcome === 'ready') return { child, port }
    const portTaken = /could not bind|Address already in use/.test(outcome)
    if (!portTaken || wantedPort !== 0 || attempt >= 5) throw new Error(outcome)
  }
}

async function adminQuery(port: number, sql: string, database = 'postgres'): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf(port, database) })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
