/**
 * The operational routes, open to anyone: GET/HEAD /healthz (each dependency's health), GET /metrics (Prometheus
 * text) and GET /config.json (the settings the client needs at run time).
 */
import type { RuntimeConfigBody } from '@flowmap/shared'
import type { OpenRequest, Route, RouteResult, TextAnswer } from './route.ts'

/** One dependency's state; `cause` and `reason` say what is wrong while it is down. */
type DependencyHealth = { status: 'ok' | 'unavailable'; cause?: string; reason?: string }

/**
 * `status` is the whole instance's (503 when any dependency is down, so a load balancer takes it out),
 * with the first failure's `cause` and `reason`; `dependencies` names each: storage (and which database)
 * and, with several instances, Redis.
 */
type HealthBody = {
  status: 'ok' | 'unavailable'
  cause?: string
  reason?: string
  dependencies: { storage: DependencyHealth & { kind: 'sqlite' | 'postgres' }; redis?: DependencyHealth }
}

async function storageHealth(storage: OpenRequest['context']['storage']): Promise<DependencyHealth> {
  // A failing write (full disk, database file gone, Postgres unreachable) is named until it clears.
  const failure = await storage.writeFailure()
  if (failure !== null) return { status: 'unavailable', cause: failure.cause, reason: failure.reason }
  return (await storage.isAvailable())
    ? { status: 'ok' }
    : { status: 'unavailable', reason: 'storage is not answering' }
}

async function health({ context }: OpenRequest): Promise<RouteResult<HealthBody>> {
  const storage = {
    kind: context.dependencies?.storage ?? 'sqlite',
    ...(await storageHealth(context.storage)),
  }
  const redisReady = context.dependencies?.redisReady ?? null
  const redis: DependencyHealth | undefined =
    redisReady === null
      ? undefined
      : redisReady()
        ? { status: 'ok' }
        : {
            status: 'unavailable',
            cause: 'redis-unreachable',
            reason:
              'Redis is not answering: this instance serves its own clients, but not what other instances relay',
          }
  const dependencies = { storage, ...(redis === undefined ? {} : { redis }) }
  const failing = [storage, redis].find((dependency) => dependency?.status === 'unavailable')
  if (failing === undefined) return { status: 200, body: { status: 'ok', dependencies } }
  const { cause, reason } = failing
  return {
    status: 503,
    body: {
      status: 'unavailable',
      ...(cause === undefined ? {} : { cause }),
      ...(reason === undefined ? {} : { reason }),
      dependencies,
    },
  }
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
