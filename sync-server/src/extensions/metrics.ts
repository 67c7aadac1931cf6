/** Metrics: points the gauges at the Hocuspocus instance and counts incoming message bytes. */
import type { Extension, onConfigurePayload } from '@hocuspocus/server'
import type { ServerMetrics } from '../server-metrics.ts'
import type { MessageStage } from './message-pipeline.ts'

export function metricsExtension(metrics: ServerMetrics): Extension {
  return {
    extensionName: 'flowmap-metrics',
    priority: 2000,

    async onConfigure({ instance }: onConfigurePayload) {
      metrics.observe({
        connections: () => instance.getConnectionsCount(),
        openBoards: () => instance.getDocumentsCount(),
      })
    },
  }
}

/** First stage of the message pipeline, so refused messages are counted too. */
export function messageBytesStage(metrics: ServerMetrics): MessageStage {
  return ({ update }) => metrics.countMessage(update.byteLength)
}
