/**
 * One workload of the interop benchmark in a process of its own, so its peak memory is its own: the
 * process starts, reads its input file, collects garbage, then runs the workload `runs` times and prints
 * one JSON line: each run's milliseconds, and how far the first run took the resident set (the kernel's
 * high-water mark, `maxRSS`) above where it stood before. Run with `--expose-gc`.
 *
 * `node measure-child.ts <workload> <input file> <runs>`
 */
import { readFileSync } from 'node:fs'
import { boardToBpmn, importBoardFile, type MapContent } from '@flowmap/shared'
import { readBpmnWithModdle } from '@flowmap/shared/testing'

export const WORKLOADS = ['export', 'parse', 'import'] as const
export type Workload = (typeof WORKLOADS)[number]

/** What a child prints: timings and peak, or the sentence saying why the workload could not run. */
export type Measured =
  | { ok: true; ms: number[]; peakRssMb: number; baseRssMb: number; highWaterBeforeMb: number }
  /** `threw`: the workload threw instead of answering (a converter still a placeholder on this branch). */
  | { ok: false; reason: string; threw: boolean }

/** A workload that ran and answered, but not with what it should have: the file was refused or warned about. */
class WrongAnswer extends Error {}

const MB = 1024 * 1024

function workloadOf(name: string, text: string): () => Promise<unknown> {
  switch (name) {
    case 'export': {
      const content = JSON.parse(text) as MapContent
      return () => boardToBpmn(content)
    }
    case 'parse':
      return async () => {
        const read = await readBpmnWithModdle(text)
        if (read.warnings.length > 0) throw new WrongAnswer(`bpmn-moddle warned: ${read.warnings[0]}`)
      }
    case 'import':
      return async () => {
        const result = await importBoardFile({ name: 'board.bpmn', text })
        if (!result.ok) throw new WrongAnswer(`the import refused the file: ${result.reason}`)
      }
    default:
      throw new Error(`no workload ${name}; one of ${WORKLOADS.join(', ')}`)
  }
}

async function measure(name: string, path: string, runs: number): Promise<Measured> {
  const work = workloadOf(name, readFileSync(path, 'utf8'))
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run with --expose-gc')
  gc()
  const baseRss = process.memoryUsage().rss
  const highWaterBefore = process.resourceUsage().maxRSS * 1024
  const ms: number[] = []
  let peak = 0
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    try {
      await work()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, reason, threw: !(error instanceof WrongAnswer) }
    }
    ms.push(performance.now() - started)
    if (run === 0) peak = process.resourceUsage().maxRSS * 1024 - baseRss
    gc()
  }
  return {
    ok: true,
    ms,
    peakRssMb: Math.max(0, peak) / MB,
    baseRssMb: baseRss / MB,
    highWaterBeforeMb: highWaterBefore / MB,
  }
}

const [name, path, runs] = process.argv.slice(2)
if (name !== undefined && path !== undefined) {
  console.log(JSON.stringify(await measure(name, path, Number(runs ?? 1))))
}
