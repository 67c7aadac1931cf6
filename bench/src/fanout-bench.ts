/**
 * Issue 3's fan-out benchmark: N clients in one room, M of them editing, against bare y-websocket and bare
 * Hocuspocus under the same load in the same run, then Flowmap's server. Prints a table, the ratios and the
 * goals; when Flowmap misses one, profiles its server process under the largest room and prints where the
 * time goes.
 *
 * Env: BENCH_QUICK=1 (shorter phases, rooms 1 and 20), FANOUT_SIZES=1,20,100, FANOUT_SERVERS=y-websocket,...,
 * FANOUT_PROFILE=1 (profile even when the goals are met).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertBenchRecordsValid, writeBenchRecord } from './fanout/record-writer.ts'
import { ratiosAndGoals, resultsTable, serverLegend } from './fanout/report.ts'
import { FULL_TIMING, QUICK_TIMING, type RoomLoad, roomLoads } from './fanout/room-load.ts'
import { type RoomResult, runRoom } from './fanout/run-room.ts'
import { startServerChild } from './fanout/server-child.ts'
import { isServerKind, SERVER_KINDS, type ServerKind } from './fanout/servers/server-kind.ts'
import { topSelfTime } from './stats/cpu-profile-summary.ts'

const quick = process.env.BENCH_QUICK === '1'
const sizes = (process.env.FANOUT_SIZES ?? (quick ? '1,20' : '1,20,100')).split(',').map((s) => s.trim())
const servers = (process.env.FANOUT_SERVERS ?? SERVER_KINDS.join(',')).split(',').map((s) => s.trim())
const unknownServers = servers.filter((s) => !isServerKind(s))
if (unknownServers.length > 0) {
  console.error(`FANOUT_SERVERS: unknown ${unknownServers.join(', ')}; known: ${SERVER_KINDS.join(', ')}`)
  process.exit(2)
}
const kinds = servers as ServerKind[]
// Every y-websocket provider adds a process 'exit' listener; a hundred of them are expected here.
process.setMaxListeners(0)
const loads = roomLoads(quick ? QUICK_TIMING : FULL_TIMING, sizes)
if (loads.length === 0) {
  console.error(`FANOUT_SIZES: none of ${sizes.join(', ')} is a known room size (1, 20, 100)`)
  process.exit(2)
}

/** One fresh server process per room, so no room inherits another's documents or garbage. */
async function measure(kind: ServerKind, load: RoomLoad, cpuProfileDir?: string): Promise<RoomResult> {
  const server = await startServerChild(kind, cpuProfileDir ? { cpuProfileDir } : {})
  try {
    return await runRoom(kind, server.socketUrl, load, writeBenchRecord)
  } finally {
    await server.stop()
  }
}

assertBenchRecordsValid()
console.log(`fan-out benchmark${quick ? ' (quick)' : ''}: rooms ${loads.map((l) => l.label).join(', ')}`)
console.log(serverLegend(kinds))
const results: RoomResult[] = []
const failures: string[] = []
// Servers interleaved per room size, so a noisy neighbour on the machine hits all three alike.
for (const load of loads) {
  for (const kind of kinds) {
    try {
      const result = await measure(kind, load)
      results.push(result)
      console.log(
        `  N=${load.label} ${kind}: p50 ${result.p50Ms?.toFixed(2)} ms, p99 ${result.p99Ms?.toFixed(2)} ms, lost ${result.lost}`,
      )
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      failures.push(`N=${load.label} ${kind}: ${reason}`)
      console.log(`  N=${load.label} ${kind}: FAILED: ${reason}`)
    }
  }
}

console.log(`\n${resultsTable(results)}\n`)
const checks = ratiosAndGoals(results)
for (const check of checks) console.log(`N=${check.label}\n  ${check.lines.join('\n  ')}\n`)

const flowmapMeasured = kinds.includes('flowmap') && results.some((r) => r.server === 'flowmap')
const goalsMet = flowmapMeasured && checks.every((check) => check.met)
if (flowmapMeasured && (!goalsMet || process.env.FANOUT_PROFILE === '1')) {
  const largest = loads[loads.length - 1]!
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-fanout-prof-'))
  console.log(`\nCPU profile of the Flowmap server process under the N=${largest.label} load:`)
  try {
    await measure('flowmap', largest, dir)
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
    if (!file) throw new Error(`no .cpuprofile written in ${dir}`)
    const { totalMs, entries } = topSelfTime(join(dir, file), 20)
    console.log(`  busy ${totalMs.toFixed(0)} ms; top self time:`)
    for (const entry of entries) {
      console.log(
        `  ${entry.selfMs.toFixed(1).padStart(8)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`,
      )
    }
  } catch (error) {
    failures.push(`profiling: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (failures.length > 0) {
  console.log(`\nnot measured:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
