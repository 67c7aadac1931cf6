/** One room's load: who is in it, who edits, how fast, and for how long each phase runs. */
export interface RoomLoad {
  /** How the table names the room size (the N). */
  label: string
  editors: number
  /** Clients that only receive. N=1 still gets one, since edit-to-peer latency needs a peer. */
  observers: number
  /** Fixed rate per editor in the latency phase. */
  editsPerSecondPerEditor: number
  warmupMs: number
  measureMs: number
  /** Closed-loop phase: each editor keeps `saturationWindow` edits in flight (not yet at every peer). */
  saturationMs: number
  saturationWindow: number
  /** How long to wait for stragglers before counting an edit-peer pair as lost. */
  drainTimeoutMs: number
}

export function clientCount(load: RoomLoad): number {
  return load.editors + load.observers
}

export interface FanoutTiming {
  warmupMs: number
  measureMs: number
  saturationMs: number
}

export const FULL_TIMING: FanoutTiming = { warmupMs: 1000, measureMs: 5000, saturationMs: 3000 }
export const QUICK_TIMING: FanoutTiming = { warmupMs: 500, measureMs: 1500, saturationMs: 1000 }

/** The room sizes N = 1, 20, 100, with M editors each and a total offered rate that a 2-core box sustains. */
export function roomLoads(timing: FanoutTiming, sizes: readonly string[]): RoomLoad[] {
  const all: RoomLoad[] = [
    {
      label: '1',
      editors: 1,
      observers: 1,
      editsPerSecondPerEditor: 20,
      saturationWindow: 4,
      ...timing,
      drainTimeoutMs: 5000,
    },
    {
      label: '20',
      editors: 5,
      observers: 15,
      editsPerSecondPerEditor: 10,
      saturationWindow: 4,
      ...timing,
      drainTimeoutMs: 5000,
    },
    {
      label: '100',
      editors: 10,
      observers: 90,
      editsPerSecondPerEditor: 5,
      saturationWindow: 4,
      ...timing,
      drainTimeoutMs: 8000,
    },
  ]
  return all.filter((load) => sizes.includes(load.label))
}
