/**
 * The honest client: a real @hocuspocus/provider that moves its own step and times each edit from the
 * write to the server's acknowledgement (the provider's unsynced-changes count returning to zero), one
 * edit in flight at a time, at most one every `intervalMs`, as a person dragging a shape would.
 */

import { documentRecord, pageRecord } from '@flowmap/shared/testing'
import { connectBoard } from '@flowmap/sync-server/testing/board-client'
import { writeBenchRecord } from '../fanout/record-writer.ts'
import { stepRecord } from '../fanout/step-edits.ts'

const HONEST_EDITOR = 0
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export interface EditRun {
  /** each acknowledged edit's latency (ms) */
  latenciesMs: number[]
  /** true when the last edit was still unacknowledged `giveUpMs` after it was made (the run stopped there) */
  gaveUp: boolean
}

export interface HonestEditor {
  /**
   * Edits for `seconds` (plus the wait for the last acknowledgement, at most `giveUpMs`): a server that
   * stops answering must not hold the benchmark for minutes.
   */
  editFor(seconds: number, intervalMs: number, giveUpMs: number): Promise<EditRun>
  readonly rejections: string[]
  destroy(): void
}

export async function connectHonestEditor(socketUrl: string, board: string): Promise<HonestEditor> {
  const client = connectBoard(socketUrl, board)
  const { doc, acknowledged } = client
  await client.synced
  let seq = 0
  writeBenchRecord(doc, documentRecord())
  writeBenchRecord(doc, pageRecord())
  writeBenchRecord(doc, stepRecord(HONEST_EDITOR, seq++))
  await acknowledged()

  return {
    get rejections() {
      return client.rejections.map((rejected) => rejected.reason)
    },
    async editFor(seconds, intervalMs, giveUpMs) {
      const latenciesMs: number[] = []
      const end = performance.now() + seconds * 1000
      while (performance.now() < end) {
        const started = performance.now()
        writeBenchRecord(doc, stepRecord(HONEST_EDITOR, seq++))
        let timer: NodeJS.Timeout | undefined
        const acked = await Promise.race([
          acknowledged().then(() => true),
          new Promise<false>((resolve) => {
            timer = setTimeout(() => resolve(false), giveUpMs)
          }),
        ])
        clearTimeout(timer)
        if (!acked) return { latenciesMs, gaveUp: true }
        latenciesMs.push(performance.now() - started)
        await sleep(Math.max(0, intervalMs - (performance.now() - started)))
      }
      return { latenciesMs, gaveUp: false }
    },
    destroy: () => client.destroy(),
  }
}
