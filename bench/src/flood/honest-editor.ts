/**
 * The honest client: a real @hocuspocus/provider that moves its own step and times each edit from the
 * write to the server's acknowledgement (the provider's unsynced-changes count returning to zero), one
 * edit in flight at a time, at most one every `intervalMs`, as a person dragging a shape would.
 */
import { HocuspocusProvider } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { writeBenchRecord } from '../fanout/record-writer.ts'
import { documentRecord, pageRecord, stepRecord } from '../fanout/step-edits.ts'

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
  rejections: string[]
  destroy(): void
}

export async function connectHonestEditor(socketUrl: string, board: string): Promise<HonestEditor> {
  const doc = new Y.Doc()
  const rejections: string[] = []
  let markSynced: () => void = () => {}
  const synced = new Promise<void>((resolve) => {
    markSynced = resolve
  })
  const provider = new HocuspocusProvider({
    url: socketUrl,
    name: board,
    document: doc,
    token: '',
    onSynced: ({ state }) => {
      if (state) markSynced()
    },
    onStateless: ({ payload }) => {
      if (payload.includes('"rejected"')) rejections.push(payload)
    },
  })
  const acknowledged = () =>
    new Promise<void>((resolve) => {
      if (!provider.hasUnsyncedChanges) return resolve()
      const onChange = ({ number }: { number: number }) => {
        if (number !== 0) return
        provider.off('unsyncedChanges', onChange)
        resolve()
      }
      provider.on('unsyncedChanges', onChange)
    })
  await synced
  let seq = 0
  writeBenchRecord(doc, documentRecord())
  writeBenchRecord(doc, pageRecord())
  writeBenchRecord(doc, stepRecord(HONEST_EDITOR, seq++))
  await acknowledged()

  return {
    rejections,
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
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
