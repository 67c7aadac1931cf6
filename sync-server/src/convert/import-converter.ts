/**
 * Converts import files on a worker thread (import-worker.ts), one at a time, so that a large file
 * without geometry (its elkjs layout takes seconds) never stalls the event loop every board's sockets
 * share. Bounded so that repeating such a request is no way to hold the server down:
 *
 * 1. One worker, started on the first import and kept for the next; files wait their turn in order.
 * 2. A person has at most one file converting or waiting: a second is refused at once ("busy").
 * 3. At most `maxWaiting` files wait in all; more are refused ("busy") until the line shortens.
 * 4. A conversion running past `timeoutMs` is stopped (the worker is ended and a new one started for
 *    the next file), and so is a worker that runs out of its memory limit: the file is refused with a
 *    sentence, the server goes on.
 */
import { Worker } from 'node:worker_threads'
import type { ImportFile, ImportFormat, ImportResult } from '@flowmap/shared'

export interface ConversionJob {
  id: number
  file: ImportFile
  format: ImportFormat | undefined
}
export interface ConversionDone {
  id: number
  result: ImportResult
}

/** A converted file, or why it was not converted: `busy` (try again soon) or `failed` (the file's fault or the worker's). */
export type Conversion =
  | { ok: true; result: ImportResult }
  | { ok: false; kind: 'busy' | 'failed'; reason: string }

export interface ImportConverterOptions {
  /**
   * How long one file may take. @default 120_000 (ms): a 10,000-element file without geometry, the
   * largest import there is, lays out in well under a minute on a slow machine.
   */
  timeoutMs?: number
  /** @default 4: files waiting behind the one converting, from different people. */
  maxWaiting?: number
  /**
   * The worker's heap. @default 1024 (MB): a 16 MB file's model and layout fit several times over, and a
   * file built to exhaust memory ends the worker, not the server.
   */
  maxHeapMb?: number
}

type Waiting = { job: ConversionJob; userId: string; settle: (conversion: Conversion) => void }

export class ImportConverter {
  private readonly timeoutMs: number
  private readonly maxWaiting: number
  private readonly maxHeapMb: number
  private worker: Worker | null = null
  private running: (Waiting & { timer: NodeJS.Timeout }) | null = null
  private readonly waiting: Waiting[] = []
  private nextId = 1
  private closed = false

  constructor(options: ImportConverterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 120_000
    this.maxWaiting = options.maxWaiting ?? 4
    this.maxHeapMb = options.maxHeapMb ?? 1024
  }

  /** Whether a file of this person's is converting or waiting (a second one would be refused). */
  isBusyFor(userId: string): boolean {
    return this.running?.userId === userId || this.waiting.some((entry) => entry.userId === userId)
  }

  convert(file: ImportFile, format: ImportFormat | undefined, userId: string): Promise<Conversion> {
    if (this.closed) return Promise.resolve(failed('busy', 'the server is shutting down; try again shortly'))
    if (this.isBusyFor(userId)) {
      return Promise.resolve(
        failed('busy', 'another file of yours is still being imported; try again when it is done'),
      )
    }
    if (this.waiting.length >= this.maxWaiting) {
      return Promise.resolve(
        failed('busy', 'the server is importing other files right now; try again in a minute'),
      )
    }
    return new Promise((settle) => {
      this.waiting.push({ job: { id: this.nextId++, file, format }, userId, settle })
      this.startNext()
    })
  }

  /** Ends the worker; files converting or waiting are refused. */
  async close(): Promise<void> {
    this.closed = true
    for (const entry of this.waiting.splice(0)) entry.settle(failed('busy', 'the server is shutting down'))
    this.finishRunning(failed('busy', 'the server is shutting down'))
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }

  private startNext(): void {
    if (this.running !== null || this.closed) return
    const next = this.waiting.shift()
    if (next === undefined) return
    const worker = this.worker ?? this.startWorker()
    const timer = setTimeout(() => {
      this.restartWorker()
      this.finishRunning(
        failed('failed', `the file took longer than ${Math.round(this.timeoutMs / 1000)} s to convert`),
      )
    }, this.timeoutMs)
    this.running = { ...next, timer }
    worker.postMessage(next.job)
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    })
    worker.on('message', (done: ConversionDone) => {
      if (this.running?.job.id === done.id) this.finishRunning({ ok: true, result: done.result })
    })
    const lost = (why: string) => {
      if (this.worker !== worker) return
      this.worker = null
      this.finishRunning(failed('failed', `the conversion stopped: ${why}`))
    }
    worker.on('error', (error) => lost(error.message))
    worker.on('exit', (code) => lost(`its worker ended (exit code ${code})`))
    // An idle worker does not keep the process alive.
    worker.unref()
    this.worker = worker
    return worker
  }

  private restartWorker(): void {
    const worker = this.worker
    this.worker = null
    void worker?.terminate()
  }

  private finishRunning(conversion: Conversion): void {
    const running = this.running
    if (running === null) return
    this.running = null
    clearTimeout(running.timer)
    running.settle(conversion)
    this.startNext()
  }
}

function failed(kind: 'busy' | 'failed', reason: string): Conversion {
  return { ok: false, kind, reason }
}
