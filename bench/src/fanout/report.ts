import type { RoomResult } from './room-summary.ts'
import { SERVER_TITLES, type ServerKind } from './servers/server-kind.ts'

const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits))

export function ratio(ours: number | null | undefined, reference: number | null | undefined): number | null {
  if (ours == null || reference == null || reference === 0) return null
  return ours / reference
}

const times = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`)

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)))
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join('  ')
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

export function resultsTable(results: RoomResult[]): string {
  return table(
    [
      'N',
      'server',
      'editors',
      'offered/s',
      'p50 ms',
      'p99 ms',
      'deliv/s',
      'sustained upd/s',
      'sustained deliv/s',
      'sent',
      'lost',
      'refused',
    ],
    results.map((r) => [
      r.load.observers + r.load.editors === 2 && r.load.label === '1' ? '1 (+1 peer)' : r.load.label,
      r.server,
      String(r.load.editors),
      String(r.offeredUpdatesPerSecond),
      fixed(r.p50Ms, 2),
      fixed(r.p99Ms, 2),
      fixed(r.deliveriesPerSecond, 0),
      fixed(r.sustainedUpdatesPerSecond, 0),
      fixed(r.sustainedDeliveriesPerSecond, 0),
      String(r.sent),
      String(r.lost),
      String(r.refusals.length),
    ]),
  )
}

export interface GoalCheck {
  label: string
  lines: string[]
  met: boolean
}

function find(results: RoomResult[], label: string, server: ServerKind): RoomResult | undefined {
  return results.find((r) => r.load.label === label && r.server === server)
}

/**
 * Ratios per room size, and issue 3's goals for Flowmap: p50 and p99 at or below 1.0× bare Hocuspocus,
 * p50 at or below 1.25× bare y-websocket, no lost delivery.
 */
export function ratiosAndGoals(results: RoomResult[]): GoalCheck[] {
  const labels = [...new Set(results.map((r) => r.load.label))]
  return labels.map((label) => {
    const yws = find(results, label, 'y-websocket')
    const hp = find(results, label, 'hocuspocus')
    const fm = find(results, label, 'flowmap')
    const lines = [
      `hocuspocus / y-websocket   p50 ${times(ratio(hp?.p50Ms, yws?.p50Ms))}  p99 ${times(ratio(hp?.p99Ms, yws?.p99Ms))}  sustained ${times(ratio(hp?.sustainedUpdatesPerSecond, yws?.sustainedUpdatesPerSecond))}`,
    ]
    if (!fm) return { label, lines: [...lines, 'flowmap: not measured'], met: false }
    const fmHpP50 = ratio(fm.p50Ms, hp?.p50Ms)
    const fmHpP99 = ratio(fm.p99Ms, hp?.p99Ms)
    const fmYwsP50 = ratio(fm.p50Ms, yws?.p50Ms)
    lines.push(
      `flowmap / hocuspocus       p50 ${times(fmHpP50)}  p99 ${times(fmHpP99)}  sustained ${times(ratio(fm.sustainedUpdatesPerSecond, hp?.sustainedUpdatesPerSecond))}`,
      `flowmap / y-websocket      p50 ${times(fmYwsP50)}  p99 ${times(ratio(fm.p99Ms, yws?.p99Ms))}  sustained ${times(ratio(fm.sustainedUpdatesPerSecond, yws?.sustainedUpdatesPerSecond))}`,
    )
    const goals: [string, boolean][] = [
      ['p50 ≤ 1.0× hocuspocus', fmHpP50 !== null && fmHpP50 <= 1.0],
      ['p99 ≤ 1.0× hocuspocus', fmHpP99 !== null && fmHpP99 <= 1.0],
      ['p50 ≤ 1.25× y-websocket', fmYwsP50 !== null && fmYwsP50 <= 1.25],
      ['no lost delivery', fm.lost === 0 && fm.refusals.length === 0],
    ]
    lines.push(`goals: ${goals.map(([name, ok]) => `${ok ? 'MET' : 'MISSED'} ${name}`).join(' · ')}`)
    return { label, lines, met: goals.every(([, ok]) => ok) }
  })
}

export function serverLegend(servers: readonly ServerKind[]): string {
  return servers.map((kind) => `  ${kind}: ${SERVER_TITLES[kind]}`).join('\n')
}
