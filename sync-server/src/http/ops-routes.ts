/**
 * The operational routes, open to anyone: GET/HEAD /healthz (storage health), GET /metrics (Prometheus
 * text) and GET /config.json (the settings the client needs at run time).
 */
import type { RuntimeConfigBody } from '@flowmap/shared'
import type { OpenRequest, Route, RouteResult, TextAnswer } from './route.ts'

type HealthBody = { status: 'ok' } | { status: 'unavailable'; cause?: string; reason: string }

async function health({ context: { storage } }: OpenRequest): Promise<RouteResult<HealthBody>> {
  // A failing write (full disk, database file gone) is named until a write succeeds again.
  const failure = await storage.writeFailure()
  if (failure !== null) {
    return { status: 503, body: { status: 'unavailable', cause: failure.cause, reason: failure.reason } }
  }
  return (await storage.isAvailable())
    ? { status: 200, body: { status: 'ok' } }
    : { status: 503, body: { status: 'unavailable', reason: 'storage is not answering' } }
}

async function metrics({ context: { metrics } }: OpenRequest): Promise<TextAnswer> {
  const text = await metrics.registry.metrics()
  return { status: 200, text, contentType: metrics.registry.contentType }
}

const DAY_MS = 24 * 60 * 60 * 1000

function runtimeConfig({ context: { config } }: OpenRequest): RouteResult<RuntimeConfigBody> {
  const body = {
    tldrawLicenseKey: config.tldrawLicenseKey,
    authRequired: config.authSecret !== null,
    deletedBoardRetentionDays: config.deletedBoardRetentionMs / DAY_MS,
  }
  return { status: 200, body }
}

export const OPS_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/healthz', access: 'none', answer: health },
  { method: 'HEAD', path: '/healthz', access: 'none', answer: health },
  { method: 'GET', path: '/metrics', access: 'none', answer: metrics },
  { method: 'GET', path: '/config.json', access: 'none', answer: runtimeConfig },
]
