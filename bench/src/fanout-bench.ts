/**
 * Issue 3's fan-out benchmark: N clients in one room, M of them editing, against bare y-websocket and bare
 * Hocuspocus under the same load in the same run, and Flowmap's server. Prints a table, the ratios and the
 * goals; when Flowmap misses one, profiles its server process under the largest room and prints where the
 * time goes.
 *
 * Env: BENCH_QUICK=1 (one short round, rooms 1 and 20), FANOUT_SIZES=1,20,100,
 * FANOUT_SERVERS=y-websocket,hocuspocus,flowmap, FANOUT_ROUNDS=3, FANOUT_PROFILE=1 (profile even when the
 * goals are met).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertBenchRecordsValid, writeBenchRecord } from './fanout/record-writer.ts'
import { ratiosAndGoals, resultsTable, serverLegend } from './fanout/report.ts'
import { FULL_SCHEDULE, QUICK_SCHEDULE, type RoomLoad, roomLoads } from './fanout/room-load.ts'
import { type RoomResult, summariseRounds } from './fanout/room-summary.ts'
import { type RoomMeasurement, runRoom } from './fanout/run-room.ts'
import { type ServerChild, startServerChild } from './fanout/server-child.ts'
import { isServerKind, SERVER_KINDS, type ServerKind } from './fanout/servers/server-kind.ts'
import { selfTimeByArea, topSelfTime } from './stats/cpu-profile-summary.ts'

const quick = process.env.BENCH_QUICK === '1'
const schedule = quick ? QUICK_SCHEDULE : FULL_SCHEDULE
const rounds = Number(process.env.FANOUT_ROUNDS ?? schedule.rounds)
const sizes = (process.env.FANOUT_SIZES ?? (quick ? '1,20' : '1,20,100')).split(',').map((s) => s.trim())
const servers = (process.env.FANOUT_SERVERS ?? SERVER_KINDS.join(',')).split(',').map((s) => s.trim())
const unknownServers = servers.filter((s) => !isServerKind(s))
if (unknownServers.length > 0) {
  console.error(`FANOUT_SERVERS: unknown ${unknownServers.join(', ')}; known: ${SERVER_KINDS.join(', ')}`)
  process.exit(2)
}
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`FANOUT_ROUNDS must be a whole number >= 1, got ${process.env.FANOUT_ROUNDS}`)
  process.exit(2)
}
const kinds = servers as ServerKind[]
const loads = roomLoads(schedule.timing, sizes)
if (loads.length === 0) {
  console.error(`FANOUT_SIZES: none of ${sizes.join(', ')} is a known room size (1, 20, 100)`)
  process.exit(2)
}
// Every y-websocket provider adds a process 'exit' listener; a hundred of them are expected here.
process.setMaxListeners(0)

const failures: string[] = []
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * One room size: a fresh process per server, then `rounds` rounds in which every server gets one fresh
 * room, in an order rotated per round so that no server always runs first or last on a busy machine.
 */
async function measureRoomSize(load: RoomLoad): Promise<RoomResult[]> {
  const children = new Map<ServerKind, ServerChild>()
  const measurements = new Map<ServerKind, RoomMeasurement[]>()
  try {
    for (const kind of kinds) {
      try {
        children.set(kind, await startServerChild(kind))
      } catch (error) {
        failures.push(`N=${load.label} ${kind}: ${describe(error)}`)
      }
    }
    for (let round = 0; round < rounds; round++) {
      const order = [...children.keys()]
      const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)]
      for (const kind of rotated) {
        try {
          const measurement = await runRoom(kind, children.get(kind)!.socketUrl, load, writeBenchRecord)
          measurements.set(kind, [...(measurements.get(kind) ?? []), measurement])
        } catch (error) {
          failures.push(`N=${load.label} ${kind} round ${round + 1}: ${describe(error)}`)
        }
      }
    }
  } finally {
    for (const child of children.values()) await child.stop().catch((error) => failures.push(describe(error)))
  }
  return [...measurements.values()].map(summariseRounds)
}

/** Runs one round of the room with V8's profiler on in the Flowmap process, and prints where time went. */
async function profileFlowmap(load: RoomLoad): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-fanout-prof-'))
  const file = join(dir, 'flowmap-server.cpuprofile')
  console.log(`\nCPU profile of the Flowmap server process during the N=${load.label} load (both phases):`)
  try {
    const child = await startServerChild('flowmap')
    try {
      await runRoom('flowmap', child.socketUrl, load, writeBenchRecord, {
        beforeLoad: () => child.startProfile(),
        afterLoad: () => child.stopProfile(file),
      })
    } finally {
      await child.stop()
    }
    const { totalMs, entries } = topSelfTime(file, 20)
    console.log(`  busy ${totalMs.toFixed(0)} ms. Self time by area:`)
    for (const area of selfTimeByArea(file).slice(0, 10)) {
      console.log(
        `  ${area.selfMs.toFixed(1).padStart(8)} ms ${(area.share * 100).toFixed(1).padStart(5)}%  ${area.name}`,
      )
    }
    console.log('  Top self time by function:')
    for (const entry of entries) {
      console.log(
        `  ${entry.selfMs.toFixed(1).padStart(8)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`,
      )
    }
  } catch (error) {
    failures.push(`profiling: ${describe(error)}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

assertBenchRecordsValid()
console.log(
  `fan-out benchmark${quick ? ' (quick)' : ''}: rooms ${loads.map((l) => l.label).join(', ')}, ${rounds} round(s) each`,
)
console.log(serverLegend(kinds))
const results: RoomResult[] = []
for (const load of loads) {
  const roomResults = await measureRoomSize(load)
  results.push(...roomResults)
  for (const r of roomResults) {
    console.log(
      `  N=${load.label} ${r.server}: p50 ${r.p50Ms?.toFixed(2)} ms, p99 ${r.p99Ms?.toFixed(2)} ms, lost ${r.lost}`,
    )
  }
}

console.log(`\n${resultsTable(results)}\n`)
const checks = ratiosAndGoals(results)
for (const check of checks) console.log(`N=${check.label}\n  ${check.lines.join('\n  ')}\n`)

const flowmapMeasured = kinds.includes('flowmap') && results.some((r) => r.server === 'flowmap')
const goalsMet = flowmapMeasured && checks.every((check) => check.met)
if (flowmapMeasured && (!goalsMet || process.env.FANOUT_PROFILE === '1')) {
  await profileFlowmap(loads[loads.length - 1]!)
}

if (failures.length > 0) {
  console.log(`\nnot measured:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
