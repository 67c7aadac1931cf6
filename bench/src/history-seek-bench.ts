/**
 * Issue 7's seek benchmark: the board at random moments of a 10,000- and a 100,000-update history,
 * against the reference measured in the same run on the same moments: rebuilding from the start
 * (every entry up to the moment, applied to a new Y.Doc in one transaction). Two ways to seek:
 * - `HistoryLog.contentAt` (what replay uses): the content keyframe at or before the moment plus the
 *   effects of at most 199 entries. This is the figure the issue's goal is about.
 * - `docAt` (a Y.Doc you could keep applying updates to): the Yjs checkpoint plus the tail. A Yjs state
 *   keeps a tombstone per overwritten value, so it grows with the history: printed for comparison.
 *
 * The session keeps the board at about 100 shapes (creations turn into deletions past that), so the two
 * histories differ in length, not in board size: a seek should cost the same at 10k and 100k, while
 * the reference grows with the history. Checkpoints every 200 entries, as the server writes them.
 *
 * Env: BENCH_QUICK=1 for fewer seeks; HISTORY_SEEK_SIZES=10000,100000 to choose the history lengths.
 */
import { pathToFileURL } from 'node:url'
import { docAt, HistoryLog, type RecordedSession, rebuildDoc, recordSession } from '@flowmap/shared'
import { seededRandom } from '@flowmap/shared/testing'
import { percentile } from './stats/percentile.ts'

const CHECKPOINT_INTERVAL = 200
const MAX_SHAPES = 100

type SeekFigures = {
  updates: number
  median: number
  p99: number
  docAtMedian: number
  docAtP99: number
  referenceMedian: number
  referenceP99: number
}

export async function runHistorySeekBench(): Promise<SeekFigures[]> {
  const quick = process.env.BENCH_QUICK === '1'
  const sizes = (process.env.HISTORY_SEEK_SIZES ?? '10000,100000').split(',').map(Number)
  const seeks = quick ? 100 : 500
  const referenceSeeks = quick ? 5 : 15
  const figures: SeekFigures[] = []
  for (const updates of sizes) {
    let started = performance.now()
    const session = recordSession({
      updates,
      checkpointInterval: CHECKPOINT_INTERVAL,
      maxShapes: MAX_SHAPES,
      seed: 7,
    })
    const recordMs = performance.now() - started
    const history = { entries: session.entries, checkpoints: session.checkpoints }
    started = performance.now()
    const log = new HistoryLog(CHECKPOINT_INTERVAL, { yjsCheckpoints: false })
    log.append(session.entries)
    const indexMs = performance.now() - started
    const random = seededRandom(updates)
    const moments = Array.from({ length: seeks }, () => 1 + Math.floor(random() * updates))

    // Warm-up: the JIT has seen both paths before anything is timed.
    for (const seq of moments.slice(0, 20)) {
      docAt(history, { seq }).doc.destroy()
      log.contentAt(seq)
    }
    rebuildDoc(null, session.entries.slice(0, moments[0])).destroy()

    const seekMs: number[] = []
    const docAtMs: number[] = []
    let shapes = 0
    const referenceMs: number[] = []
    // Interleaved (one reference seek every seeks/referenceSeeks docAt seeks), so drift in machine
    // load on the shared cores hits both series alike.
    const referenceEvery = Math.floor(seeks / referenceSeeks)
    for (const [index, seq] of moments.entries()) {
      started = performance.now()
      shapes += log.contentAt(seq).records.size
      seekMs.push(performance.now() - started)
      started = performance.now()
      const { doc } = docAt(history, { seq })
      docAtMs.push(performance.now() - started)
      doc.destroy()
      if (index % referenceEvery === 0 && referenceMs.length < referenceSeeks) {
        started = performance.now()
        rebuildDoc(null, session.entries.slice(0, seq)).destroy()
        referenceMs.push(performance.now() - started)
      }
    }
    const row = {
      updates,
      median: percentile(seekMs, 50)!,
      p99: percentile(seekMs, 99)!,
      docAtMedian: percentile(docAtMs, 50)!,
      docAtP99: percentile(docAtMs, 99)!,
      referenceMedian: percentile(referenceMs, 50)!,
      referenceP99: percentile(referenceMs, 99)!,
    }
    figures.push(row)
    console.log(
      `${updates} updates: recorded in ${(recordMs / 1000).toFixed(1)} s, indexed (loaded into a HistoryLog) in ` +
        `${(indexMs / 1000).toFixed(1)} s; ${session.checkpoints.length} checkpoints; last Yjs state ${stateKb(session)} kB; ` +
        `~${Math.round(shapes / seeks)} records at a moment\n` +
        `  contentAt  median ${row.median.toFixed(3)} ms  p99 ${row.p99.toFixed(3)} ms  (${seeks} seeks)  ` +
        `${(row.referenceMedian / row.median).toFixed(0)}x faster than from the start\n` +
        `  docAt      median ${row.docAtMedian.toFixed(2)} ms  p99 ${row.docAtP99.toFixed(2)} ms  (${seeks} seeks)  ` +
        `${(row.referenceMedian / row.docAtMedian).toFixed(0)}x faster than from the start\n` +
        `  from start median ${row.referenceMedian.toFixed(1)} ms  p99 ${row.referenceP99.toFixed(1)} ms  (${referenceMs.length} seeks)`,
    )
    log.destroy()
  }
  if (figures.length > 1) {
    const first = figures[0]!
    const last = figures.at(-1)!
    console.log(
      `growth ${first.updates} -> ${last.updates} updates: contentAt median x${(last.median / first.median).toFixed(2)}, ` +
        `docAt median x${(last.docAtMedian / first.docAtMedian).toFixed(2)}, ` +
        `from the start median x${(last.referenceMedian / first.referenceMedian).toFixed(1)}`,
    )
  }
  return figures
}

function stateKb(session: RecordedSession): string {
  return ((session.checkpoints.at(-1)?.state.byteLength ?? 0) / 1024).toFixed(0)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runHistorySeekBench()
}
