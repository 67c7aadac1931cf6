/**
 * Prometheus metrics (prom-client) for one server instance. Each instance has its own Registry: tests
 * and the benchmark run several servers in one process, and the default global registry would mix them.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

export interface MetricSources {
  connections(): number
  openBoards(): number
}

export class ServerMetrics {
  readonly registry = new Registry()
  #sources: MetricSources = { connections: () => 0, openBoards: () => 0 }

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

  readonly updatesAccepted = new Counter({
    name: 'flowmap_updates_accepted_total',
    help: 'Document updates validated, appended to history and applied',
    registers: [this.registry],
  })

  readonly updatesRejected = new Counter({
    name: 'flowmap_updates_rejected_total',
    help: 'Document updates refused, by refusal code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  })

  readonly messageBytes = new Counter({
    name: 'flowmap_message_bytes_total',
    help: 'Bytes of WebSocket messages received on board connections',
    registers: [this.registry],
  })

  readonly acceptedUpdateBytes = new Counter({
    name: 'flowmap_accepted_update_bytes_total',
    help: 'Bytes of accepted document updates',
    registers: [this.registry],
  })

  readonly storageWriteSeconds = new Histogram({
    name: 'flowmap_storage_write_seconds',
    help: 'Storage write latency by operation (append is on the acknowledgement path)',
    labelNames: ['operation'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [this.registry],
  })

  observe(sources: MetricSources): void {
    this.#sources = sources
  }

  /** Runs a storage write and records how long it took. */
  timeWrite<T>(operation: 'append' | 'checkpoint' | 'snapshot', write: () => T): T {
    const started = performance.now()
    try {
      return write()
    } finally {
      this.storageWriteSeconds.observe({ operation }, (performance.now() - started) / 1000)
    }
  }
}
