/**
 * Issue 14's interop benchmark, each figure against bpmn-moddle parsing the same file alone (the floor:
 * every BPMN tool on bpmn.io reads a file at least this slowly), measured in the same run:
 *
 * - export of a generated map of 5,000 nodes and 8,000 connectors (the lint bench's map) with
 *   `boardToBpmn`, against bpmn-moddle's `fromXML` on the file that export wrote;
 * - import of a BPMN file of 2,000 flow nodes, with its BPMNDI and without it (the same file with the
 *   diagram cut out, so the importer lays it out), through `importBoardFile`, against `fromXML` on the
 *   same file.
 *
 * Each workload runs in a fresh child process (`interop-bpmn/measure-child.ts`), so its peak memory is
 * its own: the peak is how far the first run took the resident set's high-water mark above where it
 * stood once its input was read. Time is the median of every run; the children are interleaved over
 * the rounds so that a neighbour's CPU burst hits every workload alike.
 *
 * Env: BENCH_QUICK=1 (1 round of 2 runs, instead of 3 rounds of 3), INTEROP_ROUNDS, INTEROP_RUNS.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { boardToBpmn, type MapContent } from '@flowmap/shared'
import { generateWorkflowMap, readBpmnWithModdle } from '@flowmap/shared/testing'
import type { Measured, Workload } from './interop-bpmn/measure-child.ts'
import { LARGE_MAP } from './large-map-runs.ts'
import { percentile } from './stats/percentile.ts'

const CHILD = fileURLToPath(new URL('./interop-bpmn/measure-child.ts', import.meta.url))
const IMPORT_FLOW_NODES = 2000
const MB = 1024 * 1024

type Job = { label: string; workload: Workload; file: string }
type Pooled = { ms: number[]; peaks: number[]; reason: string | null; threw: boolean }

/** A generated map with exactly `flowNodes` BPMN flow nodes (its artifacts become data references, not flow nodes). */
function mapWithFlowNodes(flowNodes: number): MapContent {
  for (let nodes = flowNodes; nodes < flowNodes * 1.3; nodes++) {
    const map = generateWorkflowMap({ nodes, edges: Math.round(nodes * 1.6), seed: 42 })
    const artifacts = map.records.filter((r) => r.typeName === 'shape' && r.type === 'artifact').length
    if (nodes - artifacts === flowNodes) return { title: `${flowNodes} flow nodes`, ...map }
  }
  throw new Error(`no generated map has exactly ${flowNodes} flow nodes`)
}

/** The same file without its BPMNDI: everything between the diagram's opening and closing tags goes. */
function withoutDiagram(xml: string): string {
  const start = xml.indexOf('<bpmndi:BPMNDiagram')
  const endTag = '</bpmndi:BPMNDiagram>'
  const end = xml.indexOf(endTag)
  if (start < 0 || end < 0) throw new Error('the export has no BPMNDiagram')
  return xml.slice(0, start) + xml.slice(end + endTag.length)
}

async function prepareInputs(dir: string): Promise<{ jobs: Job[]; sizes: string[] }> {
  const large: MapContent = { title: 'Large map', ...generateWorkflowMap(LARGE_MAP) }
  const exported = await boardToBpmn(large)
  const forImport = await boardToBpmn(mapWithFlowNodes(IMPORT_FLOW_NODES))
  const files = {
    map: ['map.json', JSON.stringify(large)],
    exported: ['exported.bpmn', exported],
    withDi: ['import-with-di.bpmn', forImport],
    withoutDi: ['import-without-di.bpmn', withoutDiagram(forImport)],
  } as const
  const paths = {} as Record<keyof typeof files, string>
  const sizes: string[] = []
  for (const [key, [name, text]] of Object.entries(files) as [
    keyof typeof files,
    readonly [string, string],
  ][]) {
    paths[key] = join(dir, name)
    writeFileSync(paths[key], text)
    sizes.push(`${name} ${(Buffer.byteLength(text) / MB).toFixed(1)} MB`)
  }
  // The inputs are what they claim to be: files bpmn-moddle reads without a warning.
  for (const text of [exported, forImport, files.withoutDi[1]]) {
    const read = await readBpmnWithModdle(text)
    if (read.warnings.length > 0) throw new Error(`an input file does not parse cleanly: ${read.warnings[0]}`)
  }
  const flowNodes = Object.values((await readBpmnWithModdle(forImport)).elementsById).filter((e) =>
    /Task$|Gateway$|Event$/.test(e.$type),
  ).length
  sizes.push(`import file: ${flowNodes} flow nodes`)
  return {
    sizes,
    jobs: [
      { label: 'export 5,000 nodes (boardToBpmn)', workload: 'export', file: paths.map },
      { label: '  floor: fromXML of that export', workload: 'parse', file: paths.exported },
      { label: 'import 2,000 flow nodes with DI', workload: 'import', file: paths.withDi },
      { label: '  floor: fromXML of that file', workload: 'parse', file: paths.withDi },
      { label: 'import 2,000 flow nodes without DI', workload: 'import', file: paths.withoutDi },
      { label: '  floor: fromXML of that file', workload: 'parse', file: paths.withoutDi },
    ],
  }
}

function runChild(job: Job, runs: number): Measured {
  const result = spawnSync(process.execPath, ['--expose-gc', CHILD, job.workload, job.file, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  })
  const line = result.stdout.trim().split('\n').at(-1) ?? ''
  if (result.status !== 0 || !line.startsWith('{')) {
    return {
      ok: false,
      reason: `the child exited ${result.status}: ${result.stderr.trim().slice(-400)}`,
      threw: false,
    }
  }
  return JSON.parse(line) as Measured
}

export async function runInteropBpmnBench(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1'
  const rounds = Number(process.env.INTEROP_ROUNDS ?? (quick ? 1 : 3))
  const runs = Number(process.env.INTEROP_RUNS ?? (quick ? 2 : 3))
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-interop-bpmn-'))
  try {
    const { jobs, sizes } = await prepareInputs(dir)
    console.log(`inputs: ${sizes.join('; ')}`)
    console.log(`${rounds} round(s) of ${runs} run(s) per workload, each workload in a fresh process`)
    const pooled: Pooled[] = jobs.map(() => ({ ms: [], peaks: [], reason: null, threw: false }))
    for (let round = 0; round < rounds; round++) {
      for (const [i, job] of jobs.entries()) {
        const entry = pooled[i]!
        if (entry.reason !== null) continue
        const measured = runChild(job, runs)
        if (!measured.ok) {
          entry.reason = measured.reason
          entry.threw = measured.threw
        } else {
          entry.ms.push(...measured.ms)
          entry.peaks.push(measured.peakRssMb)
        }
      }
    }
    const median = (values: number[]) => percentile(values, 50)!
    for (let i = 0; i < jobs.length; i += 2) {
      const [work, floor] = [pooled[i]!, pooled[i + 1]!]
      printRow(jobs[i]!.label, work)
      printRow(jobs[i + 1]!.label, floor)
      const name = jobs[i]!.workload === 'export' ? 'export' : 'import'
      if (work.reason !== null || floor.reason !== null) {
        console.log(
          name === 'import' && work.threw
            ? `  import: not built on this branch (importBoardFile threw: ${work.reason})`
            : `  ${name}: no ratio (${work.reason ?? floor.reason})`,
        )
        continue
      }
      console.log(
        `  ratio ${name} / floor: time ${(median(work.ms) / median(floor.ms)).toFixed(2)}x, peak memory ${(median(work.peaks) / median(floor.peaks)).toFixed(2)}x`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function printRow(label: string, pooled: Pooled): void {
  if (pooled.reason !== null) {
    console.log(`${label.padEnd(38)} did not run: ${pooled.reason.split('\n')[0]}`)
    return
  }
  const ms = percentile(pooled.ms, 50)!
  const peak = percentile(pooled.peaks, 50)!
  console.log(
    `${label.padEnd(38)} median ${ms.toFixed(0).padStart(7)} ms   peak RSS +${peak.toFixed(0).padStart(5)} MB   (${pooled.ms.length} runs)`,
  )
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runInteropBpmnBench()
}
