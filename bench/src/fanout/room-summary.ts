import { percentile } from '../stats/percentile.ts'
import type { RoomLoad } from './room-load.ts'
import type { RoomMeasurement } from './run-room.ts'
import type { ServerKind } from './servers/server-kind.ts'

/** The figures the table prints for one room size and server, pooled over its rounds. */
export interface RoomResult {
  server: ServerKind
  load: RoomLoad
  rounds: number
  /** Offered rate of the fixed-rate phase, updates/s over all editors. */
  offeredUpdatesPerSecond: number
  p50Ms: number | null
  p99Ms: number | null
  /** Edit-peer deliveries per second during the fixed-rate windows. */
  deliveriesPerSecond: number
  /** Closed-loop phase: edits per second that reached every peer. */
  sustainedUpdatesPerSecond: number
  sustainedDeliveriesPerSecond: number
  sent: number
  lost: number
  refusals: string[]
}

/**
 * Pools rounds: percentiles over every latency sample of every round, rates as totals over total time.
 * Short rounds interleaved across servers, pooled, resist a neighbour's CPU burst better than one long
 * window per server would (the machine is shared).
 */
export function summariseRounds(measurements: readonly RoomMeasurement[]): RoomResult {
  const first = measurements[0]
  if (!first) throw new Error('summariseRounds needs at least one measurement')
  const sum = (pick: (m: RoomMeasurement) => number) => measurements.reduce((total, m) => total + pick(m), 0)
  const latencies = measurements.flatMap((m) => m.latenciesMs)
  return {
    server: first.server,
    load: first.load,
    rounds: measurements.length,
    offeredUpdatesPerSecond: first.load.editors * first.load.editsPerSecondPerEditor,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    deliveriesPerSecond: sum((m) => m.windowDeliveries) / sum((m) => m.windowSeconds),
    sustainedUpdatesPerSecond: sum((m) => m.saturationCompleted) / sum((m) => m.saturationSeconds),
    sustainedDeliveriesPerSecond: sum((m) => m.saturationDeliveries) / sum((m) => m.saturationSeconds),
    sent: sum((m) => m.sent),
    lost: sum((m) => m.lost),
    refusals: measurements.flatMap((m) => m.refusals),
  }
}
