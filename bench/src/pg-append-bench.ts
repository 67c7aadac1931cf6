/**
 * Issue 16's history-append benchmark: accepted appends per second on a real Postgres (fsync on, a
 * throwaway server from sync-server's test harness) for the two ways to hand out gap-free per-board
 * seqs, against the SQLite storage (through the asynchronous adapter) as the reference, same run, same
 * entries (300 bytes, the size of a typical edit):
 * - counter row: what PostgresBoardStorage does, one statement that bumps `history_heads` and inserts
 *   under the number it returns (postgres-storage.ts).
 * - advisory lock: BEGIN; `pg_advisory_xact_lock(hashtext(board))`; insert at `max(seq) + 1`; COMMIT.
 * Each runs with 1 writer (every append waits for the last: commit latency) and with 8 writers on one
 * board (contention on the board's seq), then 8 writers on 8 boards. After each run the board's seqs
 * are checked to be exactly 1..n: a fast wrong answer counts for nothing.
 *
 * Machines are noisy: three rounds interleave the variants and each prints its median round.
 *
 * Env: BENCH_QUICK=1 for fewer appends.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { SqliteStorage } from '@flowmap/sync-server'
import { type AsyncBoardStorage, asyncStorageOf } from '@flowmap/sync-server/storage/async-board-storage'
import { openPostgresStorage } from '@flowmap/sync-server/storage/postgres-storage'
import { startPostgres } from '@flowmap/sync-server/testing/postgres-instance'
import pg from 'pg'

const ROUNDS = 3

type NewHistoryEntry = Parameters<AsyncBoardStorage['appendUpdate']>[0]
type Append = (entry: NewHistoryEntry) => Promise<number>

interface Shape {
  name: string
  writers: number
  boards: number
}

const SHAPES: Shape[] = [
  { name: '1 writer, 1 board', writers: 1, boards: 1 },
  { name: '8 writers, 1 board', writers: 8, boards: 1 },
  { name: '8 writers, 8 boards', writers: 8, boards: 8 },
]

function entryFor(boardId: string, n: number): NewHistoryEntry {
  return {
    boardId,
    time: n,
    userId: 'bench',
    userName: 'Bench',
    clientId: 1,
    update: new Uint8Array(300).fill(n % 251),
  }
}

/** Appends `total` entries split over the shape's writers; answers appends/s. */
async function measure(append: Append, shape: Shape, total: number, run: string): Promise<number> {
  const perWriter = Math.ceil(total / shape.writers)
  const started = performance.now()
  await Promise.all(
    Array.from({ length: shape.writers }, async (_, writer) => {
      const boardId = `${run}-${writer % shape.boards}`
      for (let n = 0; n < perWriter; n++) await append(entryFor(boardId, n))
    }),
  )
  return (perWriter * shape.writers) / ((performance.now() - started) / 1000)
}

async function checkGapFree(url: string, run: string, shape: Shape, total: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const perBoard = Math.ceil(total / shape.writers) * (shape.writers / shape.boards)
    const result = await client.query(
      `SELECT board_id, COUNT(*)::int AS n, MIN(seq)::int AS first, MAX(seq)::int AS last
       FROM history WHERE board_id LIKE $1 GROUP BY board_id`,
      [`${run}-%`],
    )
    for (const row of result.rows) {
      if (row.n !== perBoard || row.first !== 1 || row.last !== perBoard)
        throw new Error(`${run}: board ${row.board_id} has seqs ${row.first}..${row.last} over ${row.n} rows`)
    }
  } finally {
    await client.end()
  }
}

export async function runPgAppendBench(): Promise<Record<string, Record<string, number>>> {
  const total = process.env.BENCH_QUICK === '1' ? 200 : 800
  const postgres = await startPostgres()
  const sqliteDir = mkdtempSync(join(tmpdir(), 'flowmap-bench-sqlite-'))
  const storage = await openPostgresStorage({ url: postgres.url })
  const advisoryPool = new pg.Pool({ connectionString: postgres.url, max: 10 })
  const sqliteNormal = new SqliteStorage({ path: join(sqliteDir, 'normal.db'), synchronous: 'normal' })
  const sqliteFull = new SqliteStorage({ path: join(sqliteDir, 'full.db'), synchronous: 'full' })
  const advisory: Append = async (entry) => {
    const client = await advisoryPool.connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [entry.boardId])
      const result = await client.query(
        `INSERT INTO history (board_id, seq, time, user_id, user_name, client_id, update_bytes)
         SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6 FROM history WHERE board_id = $1
         RETURNING seq`,
        [entry.boardId, entry.time, entry.userId, entry.userName, entry.clientId, entry.update],
      )
      await client.query('COMMIT')
      return Number(result.rows[0].seq)
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    } finally {
      client.release()
    }
  }
  const variants: Array<{ name: string; append: Append; postgres: boolean }> = [
    { name: 'postgres counter row', append: (entry) => storage.appendUpdate(entry), postgres: true },
    { name: 'postgres advisory lock', append: advisory, postgres: true },
    { name: 'sqlite (synchronous=normal, the default)', append: asyncAppend(sqliteNormal), postgres: false },
    { name: 'sqlite (synchronous=full)', append: asyncAppend(sqliteFull), postgres: false },
  ]
  const figures: Record<string, Record<string, number>> = {}
  try {
    for (const shape of SHAPES) {
      figures[shape.name] = {}
      // Rounds interleave the variants, so a burst of load from elsewhere on the machine hits them all;
      // the figure is each variant's median round.
      const rounds = new Map<string, number[]>()
      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, variant] of variants.entries()) {
          const run = `s${SHAPES.indexOf(shape)}v${index}r${round}`
          // A short warm-up on other boards (connections, plans, JIT), then the measured run.
          await measure(variant.append, shape, 40, `${run}warm`)
          const perSecond = await measure(variant.append, shape, total, run)
          if (variant.postgres) await checkGapFree(postgres.url, run, shape, total)
          rounds.set(variant.name, [...(rounds.get(variant.name) ?? []), perSecond])
        }
      }
      for (const [name, each] of rounds) figures[shape.name]![name] = median(each)
      const row = figures[shape.name]!
      const reference = row['sqlite (synchronous=normal, the default)']!
      console.log(`\n${shape.name} (${total} appends of 300 bytes, median of ${ROUNDS} rounds):`)
      for (const [name, perSecond] of Object.entries(row)) {
        console.log(
          `  ${name.padEnd(42)} ${perSecond.toFixed(0).padStart(7)} appends/s  ${(perSecond / reference).toFixed(2)}× sqlite default`,
        )
      }
    }
  } finally {
    await storage.close()
    await advisoryPool.end()
    sqliteNormal.close()
    sqliteFull.close()
    await postgres.stop()
    rmSync(sqliteDir, { recursive: true, force: true })
  }
  return figures
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function asyncAppend(sqlite: SqliteStorage): Append {
  const storage = asyncStorageOf(sqlite)
  return (entry) => storage.appendUpdate(entry)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runPgAppendBench()
}
