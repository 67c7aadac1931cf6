import { documentRecord, pageRecord } from '@flowmap/shared/testing'
import type * as Y from 'yjs'
import { type BenchClient, connectBenchClient } from './bench-client.ts'
import { DeliveryTracker } from './delivery-tracker.ts'
import type { RoomLoad } from './room-load.ts'
import type { ServerKind } from './servers/server-kind.ts'
import { type BenchRecord, stepRecord } from './step-edits.ts'

export type RecordWriter = (doc: Y.Doc, record: BenchRecord) => void

/** Called around the two measured phases (after connecting and set-up), e.g. to profile only the load. */
export interface LoadHooks {
  beforeLoad?(): Promise<void>
  afterLoad?(): Promise<void>
}

/** One room's raw figures; rounds of the same room size and server are pooled by room-summary.ts. */
export interface RoomMeasurement {
  server: ServerKind
  load: RoomLoad
  /** Edit-to-peer latencies (ms) of the fixed-rate window. */
  latenciesMs: number[]
  /** Edit-peer deliveries during the fixed-rate window, and its length. */
  windowDeliveries: number
  windowSeconds: number
  /** Closed-loop phase: edits that reached every peer, the deliveries, and its length. */
  saturationCompleted: number
  saturationDeliveries: number
  saturationSeconds: number
  sent: number
  lost: number
  refusals: string[]
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) return false
    await sleep(5)
  }
  return true
}

function refusalsOf(clients: BenchClient[]): string[] {
  return clients.flatMap((client) => client.refusals())
}

/**
 * Runs one room on a started server: connect every client, let each editor create its step, then
 * (1) a fixed-rate phase for latency and (2) a closed-loop phase for sustained throughput, then count
 * what never arrived.
 */
export async function runRoom(
  server: ServerKind,
  socketUrl: string,
  load: RoomLoad,
  writeRecord: RecordWriter,
  hooks: LoadHooks = {},
): Promise<RoomMeasurement> {
  const room = `bench-${load.label}-${Math.random().toString(36).slice(2, 10)}`
  const clients: BenchClient[] = []
  for (let i = 0; i < load.editors + load.observers; i++)
    clients.push(connectBenchClient(server, socketUrl, room))
  try {
    await within(
      Promise.all(clients.map((client) => client.whenSynced)),
      30_000,
      `${server}: syncing ${clients.length} clients`,
    )
    const tracker = new DeliveryTracker()
    for (const client of clients) tracker.addReceiver(client.doc)
    const editors = clients.slice(0, load.editors).map((client) => ({
      doc: client.doc,
      index: tracker.addEditor(client.doc),
      seq: 0,
    }))

    // Set-up: the page and each editor's step, delivered everywhere before anything is measured.
    const first = editors[0]!
    writeRecord(first.doc, documentRecord())
    writeRecord(first.doc, pageRecord())
    tracker.recordSent(first.index, first.doc, false)
    for (const editor of editors) {
      writeRecord(editor.doc, stepRecord(editor.index, editor.seq++))
      tracker.recordSent(editor.index, editor.doc, false)
    }
    if (!(await waitUntil(() => tracker.allDelivered(), 10_000))) {
      throw new Error(
        `${server}: set-up edits did not reach every peer (refusals: ${refusalsOf(clients).join('; ')})`,
      )
    }

    const edit = (editor: (typeof editors)[number], measured: boolean, onFullyDelivered?: () => void) => {
      writeRecord(editor.doc, stepRecord(editor.index, editor.seq++))
      tracker.recordSent(editor.index, editor.doc, measured, onFullyDelivered)
    }

    await hooks.beforeLoad?.()
    // Phase 1: fixed rate, editors staggered over the period so the offered load is smooth.
    const periodMs = 1000 / load.editsPerSecondPerEditor
    const phaseStart = performance.now()
    const measureStart = phaseStart + load.warmupMs
    const measureEnd = measureStart + load.measureMs
    const timers = editors.map((editor, e) => {
      let k = 0
      const offset = (periodMs * e) / editors.length
      const state = { timer: undefined as NodeJS.Timeout | undefined }
      const tick = () => {
        const now = performance.now()
        if (now >= measureEnd) return
        edit(editor, now >= measureStart)
        k++
        state.timer = setTimeout(tick, Math.max(0, phaseStart + offset + k * periodMs - performance.now()))
      }
      state.timer = setTimeout(tick, offset)
      return state
    })
    await sleep(load.warmupMs)
    tracker.resetWindow()
    await sleep(Math.max(0, measureEnd - performance.now()))
    const windowDeliveries = tracker.deliveries
    const windowSeconds = (performance.now() - measureStart) / 1000
    for (const state of timers) clearTimeout(state.timer)
    const latencies = [...tracker.latenciesMs]
    await waitUntil(() => tracker.allDelivered(), load.drainTimeoutMs)

    // Phase 2: closed loop, each editor refilling its window as its edits reach every peer.
    tracker.resetWindow()
    let completed = 0
    let saturating = true
    const refill = (editor: (typeof editors)[number]) => {
      if (!saturating) return
      edit(editor, false, () => {
        completed++
        setImmediate(() => refill(editor))
      })
    }
    const saturationStart = performance.now()
    for (const editor of editors) for (let w = 0; w < load.saturationWindow; w++) refill(editor)
    await sleep(load.saturationMs)
    saturating = false
    const saturationSeconds = (performance.now() - saturationStart) / 1000
    const saturationCompleted = completed
    const saturationDeliveries = tracker.deliveries
    await waitUntil(() => tracker.allDelivered(), load.drainTimeoutMs)

    await hooks.afterLoad?.()
    const { sent, lost } = tracker.counts()
    tracker.detach()
    return {
      server,
      load,
      latenciesMs: latencies,
      windowDeliveries,
      windowSeconds,
      saturationCompleted,
      saturationDeliveries,
      saturationSeconds,
      sent,
      lost,
      refusals: refusalsOf(clients),
    }
  } finally {
    for (const client of clients) client.destroy()
  }
}
