/**
 * Issue 10's flood benchmark: an honest client's edit-to-acknowledgement latency on a board, first alone
 * and then while another connection floods the same board with small valid updates at 5,000 messages/s,
 * in the same run against the same server; and the server's memory at rest, under the flood, and 30 s
 * after everyone left (its board unloaded).
 *
 * The server runs alone in a child process (flood/server-process.ts), so its RSS (VmRSS, read from
 * /proc) is its own; heap figures come from process.memoryUsage() inside it, never after a forced GC:
 * what is printed is what production would hold. The flooder has a process of its own too
 * (flood/flooder-child.ts): in the editor's process its sending loop would delay the editor's own
 * event loop and be counted as server latency.
 *
 * Goals: p99 under flood ≤ 2× p99 alone; RSS 30 s after everyone left within 20 % of RSS at rest.
 *
 * Env: BENCH_QUICK=1 (8 s phases instead of 20 s), FLOOD_RATE=5000 (messages/s), FLOOD_SECONDS (phase
 * length), FLOOD_AFTER_SECONDS=30, FLOOD_SERVER_ARGS="--flag …" (node flags for the server process, e.g.
 * to compare V8 settings), FLOOD_HEAP_SNAPSHOTS=<dir> (writes rest/load/after .heapsnapshot files there).
 */
import { join } from 'node:path'
import { startFlooderProcess } from './flood/flooder-process.ts'
import { connectHonestEditor } from './flood/honest-editor.ts'
import { type MemoryReading, startFloodServer } from './flood/server-child.ts'
import { percentile } from './stats/percentile.ts'

const quick = process.env.BENCH_QUICK === '1'
const rate = Number(process.env.FLOOD_RATE ?? 5000)
const phaseSeconds = Number(process.env.FLOOD_SECONDS ?? (quick ? 8 : 20))
const afterSeconds = Number(process.env.FLOOD_AFTER_SECONDS ?? 30)
const serverArgs = (process.env.FLOOD_SERVER_ARGS ?? '').split(' ').filter(Boolean)
const snapshotDir = process.env.FLOOD_HEAP_SNAPSHOTS ?? null
/** A person dragging a shape: one edit in flight, at most 20 a second. */
const EDIT_INTERVAL_MS = 50
/** An edit unacknowledged this long ends its phase (and is reported): the figures are already clear. */
const GIVE_UP_MS = 15_000
const BOARD = `flood-bench-${Math.random().toString(36).slice(2, 10)}`

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)} ms`)

function describeMemory(label: string, reading: MemoryReading): string {
  return `${label.padEnd(28)} RSS ${mb(reading.rssBytes).padStart(9)}  heap used ${mb(reading.heapUsedBytes).padStart(9)}  heap total ${mb(reading.heapTotalBytes).padStart(9)}  array buffers ${mb(reading.arrayBuffersBytes).padStart(9)}  boards ${reading.boards}`
}

console.log(
  `flood benchmark${quick ? ' (quick)' : ''}: ${phaseSeconds} s per phase, flood ${rate} messages/s, memory read ${afterSeconds} s after everyone left${serverArgs.length ? `, server flags ${serverArgs.join(' ')}` : ''}`,
)
// --expose-gc only lets the last reading force a GC; nothing calls gc() before it.
const server = await startFloodServer({ execArgv: ['--expose-gc', ...serverArgs] })
const failures: string[] = []
try {
  // Let start-up garbage settle the way an idle server's would (no forced GC).
  await sleep(3000)
  const rest = await server.memory()
  if (snapshotDir) await server.heapSnapshot(join(snapshotDir, 'rest.heapsnapshot'))

  const editor = await connectHonestEditor(server.socketUrl, BOARD)
  const aloneRun = await editor.editFor(phaseSeconds, EDIT_INTERVAL_MS, GIVE_UP_MS)
  const alone = aloneRun.latenciesMs

  const flooder = startFlooderProcess(server.socketUrl, BOARD, rate)
  let peak: MemoryReading = await server.memory()
  const sampler = setInterval(() => {
    server.memory().then(
      (reading) => {
        if (reading.rssBytes > peak.rssBytes) peak = reading
      },
      () => {},
    )
  }, 1000)
  const floodStarted = performance.now()
  const floodRun = await editor.editFor(phaseSeconds, EDIT_INTERVAL_MS, GIVE_UP_MS)
  const flooded = floodRun.latenciesMs
  const underLoad = await server.memory()
  if (snapshotDir) await server.heapSnapshot(join(snapshotDir, 'load.heapsnapshot'))
  clearInterval(sampler)
  const counts = await flooder.stop()
  const floodSeconds = (performance.now() - floodStarted) / 1000
  editor.destroy()

  // Everyone has left: wait for the board to be unloaded, then as long again as the goal says.
  const deadline = performance.now() + 60_000
  let left = await server.memory()
  while (left.boards > 0 && performance.now() < deadline) {
    await sleep(250)
    left = await server.memory()
  }
  if (left.boards > 0) failures.push(`the board was still loaded 60 s after everyone left`)
  await sleep(afterSeconds * 1000)
  const after = await server.memory()
  // Last, since a forced GC changes what RSS does next: what of the heap was garbage, what is retained.
  const afterGc = await server.memoryAfterGc()
  if (snapshotDir) await server.heapSnapshot(join(snapshotDir, 'after.heapsnapshot'))

  const aloneP50 = percentile(alone, 50)
  const aloneP99 = percentile(alone, 99)
  const floodP50 = percentile(flooded, 50)
  const floodP99 = percentile(flooded, 99)
  console.log(`\nhonest edit-to-ack latency (one edit in flight, at most one per ${EDIT_INTERVAL_MS} ms):`)
  const gaveUp = (run: { gaveUp: boolean }) =>
    run.gaveUp ? `; then one edit still unacknowledged after ${GIVE_UP_MS / 1000} s ended the phase` : ''
  console.log(
    `  alone:       p50 ${ms(aloneP50)}, p99 ${ms(aloneP99)}  (${alone.length} edits${gaveUp(aloneRun)})`,
  )
  console.log(
    `  under flood: p50 ${ms(floodP50)}, p99 ${ms(floodP99)}  (${flooded.length} edits${gaveUp(floodRun)})`,
  )
  const ratio50 = aloneP50 && floodP50 !== null ? floodP50 / aloneP50 : null
  const ratio99 = aloneP99 && floodP99 !== null ? floodP99 / aloneP99 : null
  console.log(`  ratio flood/alone: p50 ${ratio50?.toFixed(2)}×, p99 ${ratio99?.toFixed(2)}×`)
  console.log(`  honest refusals: ${editor.rejections.length}`)
  const closes = [...counts.closedByCode].map(([code, n]) => `${n}× ${code}`).join(', ') || 'none'
  console.log(
    `\nflooder: ${counts.sent} sent (${(counts.sent / floodSeconds).toFixed(0)}/s over ${floodSeconds.toFixed(1)} s), ${counts.acknowledged} acknowledged, ${counts.notApplied} not applied, ${counts.skippedBufferFull} skipped (send buffer full: the server stopped reading), ${counts.connections} connection(s), closed by the server: ${closes}`,
  )
  console.log('\nserver memory (no forced GC):')
  console.log(describeMemory('at rest', rest))
  console.log(describeMemory('under load (peak RSS)', peak))
  console.log(describeMemory('under load (end)', underLoad))
  console.log(describeMemory(`${afterSeconds} s after everyone left`, after))
  console.log(describeMemory('then after a forced full GC', afterGc))
  const returned = after.rssBytes / rest.rssBytes
  console.log(`  RSS after / at rest: ${returned.toFixed(2)}×`)

  console.log('\ngoals (issue 10):')
  const latencyMet = ratio99 !== null && ratio99 <= 2 && !floodRun.gaveUp
  const memoryMet = returned <= 1.2
  console.log(`  p99 under flood ≤ 2× alone: ${latencyMet ? 'met' : 'MISSED'} (${ratio99?.toFixed(2)}×)`)
  console.log(
    `  RSS ${afterSeconds} s after everyone left within 20 % of rest: ${memoryMet ? 'met' : 'MISSED'} (${((returned - 1) * 100).toFixed(0)} %)`,
  )
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error))
} finally {
  await server.stop().catch((error: unknown) => failures.push(String(error)))
}
if (failures.length > 0) {
  console.log(`\nnot measured:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
