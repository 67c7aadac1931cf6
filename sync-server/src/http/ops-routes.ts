/**
 * The operational routes, open to anyone: GET/HEAD /healthz (storage health), GET /metrics (Prometheus
 * text) and GET /config.json (the settings the client needs at run time).
 */
import type { RuntimeConfigBody } from '@flowmap/shared'
import type { Route, RouteContext, RouteResult } from './route.ts'

type HealthBody = { status: 'ok' } | { status: 'unavailable'; cause?: string; reason: string }

export function opsRoutes(context: RouteContext): Route[] {
  const health = (): RouteResult<HealthBody> => {
    // A failing write (full disk, database file gone) is named until a write succeeds again.
    const failure = context.storage.writeFailure()
    if (failure !== null) {
      return { status: 503, body: { status: 'unavailable', cause: failure.cause, reason: failure.reason } }
    }
    return context.storage.isAvailable()
      ? { status: 200, body: { status: 'ok' } }
      : { status: 503, body: { status: 'unavailable', reason: 'storage is not answering' } }
  }
  const runtimeConfig = (): RouteResult<RuntimeConfigBody> => ({
    status: 200,
    body: {
      tldrawLicenseKey: context.config.tldrawLicenseKey,
      authRequired: context.config.authSecret !== null,
    },
  })
  return [
    { method: 'GET', path: '/healthz', access: 'none', handle: health },
    { method: 'HEAD', path: '/healthz', access: 'none', handle: health },
    {
      method: 'GET',
      path: '/metrics',
      access: 'none',
      handle: async () => ({
        status: 200,
        text: await context.metrics.registry.metrics(),
        contentType: context.metrics.registry.contentType,
      }),
    },
    { method: 'GET', path: '/config.json', access: 'none', handle: runtimeConfig },
  ]
}
