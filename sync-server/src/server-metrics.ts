/**
 * Prometheus metrics (prom-client) for one server instance. Each instance has its own Registry: tests
 * and the benchmark run several servers in one process, and the default global registry would mix them.
 *
 * The per-message counters are plain numbers added to in place and handed to prom-client only when
 * /metrics is scraped (`collect`): prom-client's `inc` validates and hashes labels on every call, which
 * a CPU profile of the fan-out benchmark showed as a tenth of the server's time on the update path.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

export interface MetricSources {
  connections(): number
  openBoards(): number
}

export class ServerMetrics {
  readonly registry = new Registry()
  #sources: MetricSources = { connections: () => 0, openBoards: () => 0 }
  #messageBytes = 0
  #updatesAccepted = 0
  #acceptedUpdateBytes = 0

  readonly connections: Gauge = new Gauge({
    name: 'flowmap_connections',
    help: 'Open board connections (WebSocket x board)',
    registers: [this.registry],
    collect: () => this.connections.set(this.#sources.connections()),
  })

  readonly openBoards: Gauge = new Gauge({
    name: 'flowmap_open_boards',
    help: 'Boards loaded in memory',
    registers: [this.registry],
    collect: () => this.openBoards.set(this.#sources.openBoards()),
  })

  readonly updatesAccepted: Counter = new Counter({
    name: 'flowmap_updates_accepted_total',
    help: 'Document updates validated, appended to history and applied',
    registers: [this.registry],
    collect: () => publish(this.updatesAccepted, this.#updatesAccepted),
  })

  readonly updatesRejected = new Counter({
    name: 'flowmap_updates_rejected_total',
    help: 'Document updates refused, by refusal code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  })

  readonly messageBytes: Counter = new Counter({
    name: 'flowmap_message_bytes_total',
    help: 'Bytes of WebSocket messages received on board connections',
    registers: [this.registry],
    collect: () => publish(this.messageBytes, this.#messageBytes),
  })

  readonly acceptedUpdateBytes: Counter = new Counter({
    name: 'flowmap_accepted_update_bytes_total',
    help: 'Bytes of accepted document updates',
    registers: [this.registry],
    collect: () => publish(this.acceptedUpdateBytes, this.#acceptedUpdateBytes),
  })

  readonly storageWriteSeconds = new Histogram({
    name: 'flowmap_storage_write_seconds',
    help: 'Storage write latency by operation (append is on the acknowledgement path)',
    labelNames: ['operation'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [this.registry],
  })

  /** The bucket finders for each write operation, bound once so `observe` skips label hashing. */
  readonly #writeTimers = {
    append: this.storageWriteSeconds.labels({ operation: 'append' }),
    checkpoint: this.storageWriteSeconds.labels({ operation: 'checkpoint' }),
    snapshot: this.storageWriteSeconds.labels({ operation: 'snapshot' }),
  }

  /** One WebSocket message received on a board connection (refused ones included). */
  countMessage(bytes: number): void {
    this.#messageBytes += bytes
  }

  /** One update validated and appended to the history log. */
  countAccepted(bytes: number): void {
    this.#updatesAccepted += 1
    this.#acceptedUpdateBytes += bytes
  }

  observe(sources: MetricSources): void {
    this.#sources = sources
  }

  /** Runs a storage write and records how long it took. */
  async timeWrite<T>(operation: 'append' | 'checkpoint' | 'snapshot', write: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await write()
    } finally {
      this.#writeTimers[operation].observe((performance.now() - started) / 1000)
    }
  }
}

/** Sets a counter to a running total kept outside prom-client (counters have no `set`). */
function publish(counter: Counter, total: number): void {
  counter.reset()
  counter.inc(total)
}
