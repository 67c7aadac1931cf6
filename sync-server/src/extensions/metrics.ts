/** Metrics: points the gauges at the Hocuspocus instance and counts incoming message bytes. */
import type { beforeHandleMessagePayload, Extension, onConfigurePayload } from '@hocuspocus/server'
import type { ServerMetrics } from '../server-metrics.ts'

export function metricsExtension(metrics: ServerMetrics): Extension {
  return {
    extensionName: 'flowmap-metrics',
    // First, so refused messages are counted too.
    priority: 2000,

    async onConfigure({ instance }: onConfigurePayload) {
      metrics.observe({
        connections: () => instance.getConnectionsCount(),
        openBoards: () => instance.getDocumentsCount(),
      })
    },

    async beforeHandleMessage({ update }: beforeHandleMessagePayload) {
      metrics.messageBytes.inc(update.byteLength)
    },
  }
}
