import { readFileSync } from 'node:fs'

/** The parts of V8's .cpuprofile format (what `node --cpu-prof` writes) that self time needs. */
interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
    hitCount?: number
  }[]
  samples: number[]
  timeDeltas: number[]
}

export interface SelfTimeEntry {
  name: string
  selfMs: number
  share: number
}

/** Where a function lives, shortened to the package (or our own source path) so a table stays readable. */
function location(url: string, line: number): string {
  if (url === '') return ''
  const inPackage = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url)
  if (inPackage) return `${inPackage[1]}/${inPackage[2]!.split('/').pop()}:${line + 1}`
  const own = /\/(shared|sync-server|bench)\/src\/(.*)$/.exec(url)
  if (own) return `${own[1]}/src/${own[2]}:${line + 1}`
  return `${url.replace(/^.*\//, '')}:${line + 1}`
}

/** Self time per function (summed over call sites), highest first. */
export function topSelfTime(
  profilePath: string,
  limit: number,
): { totalMs: number; entries: SelfTimeEntry[] } {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile
  const nameOf = new Map<number, string>()
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame
    const where = location(url, lineNumber)
    nameOf.set(node.id, `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`)
  }
  const selfUs = new Map<string, number>()
  let totalUs = 0
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0
    const name = nameOf.get(nodeId) ?? `node ${nodeId}`
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta)
    totalUs += delta
  })
  const busyUs = totalUs - (selfUs.get('(idle)') ?? 0)
  const entries = [...selfUs.entries()]
    .filter(([name]) => name !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({ name, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }))
  return { totalMs: busyUs / 1000, entries }
}
