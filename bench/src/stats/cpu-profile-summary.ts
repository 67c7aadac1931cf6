import { readFileSync } from 'node:fs'

/** The parts of V8's .cpuprofile format (what `node --cpu-prof` and the inspector write) that self time needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[]
  samples: number[]
  timeDeltas: number[]
}

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

export interface SelfTimeEntry {
  name: string
  selfMs: number
  /** Of the busy time: idle and the profiler's own stop call left out. */
  share: number
}

/** Frames that are not the server's work: waiting, and the inspector call that stops the profiler. */
function isNotWork(frame: CallFrame): boolean {
  return frame.functionName === '(idle)' || frame.url === 'node:inspector'
}

const PACKAGE_PATH = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/
const OWN_PATH = /\/(shared|sync-server|bench)\/src\/(.*)$/

/** A function's name and where it lives, shortened to the package or our own source path. */
function functionKey(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)'
  const line = frame.lineNumber + 1
  if (frame.url === '') return name
  const inPackage = PACKAGE_PATH.exec(frame.url)
  if (inPackage) return `${name} ${inPackage[1]}/${inPackage[2]!.split('/').pop()}:${line}`
  const own = OWN_PATH.exec(frame.url)
  if (own) return `${name} ${own[1]}/src/${own[2]}:${line}`
  return `${name} ${frame.url.replace(/^.*\//, '')}:${line}`
}

/** The package or source area a frame belongs to: `ws`, `yjs`, `sync-server/src/storage`, `node internals`. */
function areaKey(frame: CallFrame): string {
  if (frame.functionName === '(garbage collector)') return '(garbage collector)'
  if (frame.url === '') return '(native / runtime)'
  const inPackage = PACKAGE_PATH.exec(frame.url)
  if (inPackage) return inPackage[1]!
  const own = OWN_PATH.exec(frame.url)
  if (own) {
    const folder = own[2]!.includes('/') ? own[2]!.split('/')[0] : null
    return folder ? `${own[1]}/src/${folder}` : `${own[1]}/src`
  }
  if (frame.url.startsWith('node:')) return 'node internals'
  if (frame.url.startsWith('wasm://')) return '(wasm)'
  return frame.url.replace(/^.*\//, '')
}

/** Self time grouped by `keyOf`, highest first. */
function selfTime(
  profilePath: string,
  keyOf: (frame: CallFrame) => string,
): { busyMs: number; entries: SelfTimeEntry[] } {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile
  const keyOfNode = new Map<number, string | null>()
  for (const node of profile.nodes)
    keyOfNode.set(node.id, isNotWork(node.callFrame) ? null : keyOf(node.callFrame))
  const selfUs = new Map<string, number>()
  let busyUs = 0
  profile.samples.forEach((nodeId, i) => {
    const key = keyOfNode.get(nodeId)
    if (key == null) return
    const delta = profile.timeDeltas[i] ?? 0
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta)
    busyUs += delta
  })
  const entries = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({ name, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }))
  return { busyMs: busyUs / 1000, entries }
}

/** Self time per function (summed over call sites), highest first. */
export function topSelfTime(
  profilePath: string,
  limit: number,
): { totalMs: number; entries: SelfTimeEntry[] } {
  const { busyMs, entries } = selfTime(profilePath, functionKey)
  return { totalMs: busyMs, entries: entries.slice(0, limit) }
}

/** Self time per area (package or our own source folder), highest first. */
export function selfTimeByArea(profilePath: string): SelfTimeEntry[] {
  return selfTime(profilePath, areaKey).entries
}
