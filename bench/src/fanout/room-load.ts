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

/** Rounds per room size: each round runs every server once, in a rotated order, and rounds are pooled. */
export interface FanoutSchedule {
  rounds: number
  timing: FanoutTiming
}

export const FULL_SCHEDULE: FanoutSchedule = {
  rounds: 3,
  timing: { warmupMs: 500, measureMs: 2000, saturationMs: 1000 },
}
export const QUICK_SCHEDULE: FanoutSchedule = {
  rounds: 1,
  timing: { warmupMs: 300, measureMs: 1000, saturationMs: 500 },
}

/**
 * The room sizes N = 1, 20, 100, with M editors each. At N=100 every edit is 99 deliveries that
 * the one client process must decode, so 10 editors at 2 edits/s (about 2,000 deliveries/s) keeps the
 * client side below saturation on 2 cores: latency then measures the servers, not the harness's backlog.
 */
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
      editsPerSecondPerEditor: 2,
      saturationWindow: 4,
      ...timing,
      drainTimeoutMs: 8000,
    },
  ]
  return all.filter((load) => sizes.includes(load.label))
}
