/**
 * Server configuration: the fields, their documented defaults, and the one place the environment is
 * parsed. `main.ts` calls `configFromEnv(process.env)` once and passes the result down; nothing else
 * reads `process.env`.
 */
import { isIP } from 'node:net'
import { resolve } from 'node:path'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface ServerConfig {
  /**
   * The port for HTTP and WebSocket. `0` picks a free port (tests, benchmarks).
   * @default 1234
   */
  port: number
  /**
   * The address to bind. Loopback by default because local mode (no secret) lets anyone in.
   * @default '127.0.0.1'
   */
  host: string
  /**
   * Where `flowmap.db` lives. `null` keeps everything in memory (tests that do not restart; lost on exit).
   * @default './data'
   */
  dataDir: string | null
  /**
   * `DATABASE_URL`: a Postgres database (`postgres://user:password@host:port/db`) holding the boards,
   * their history and everything else `flowmap.db` would; migrations run at start. Asset files stay under
   * `dataDir`. `null` is the embedded SQLite file. Several instances may share one database
   * (docs/deploy.md).
   * @default null
   */
  databaseUrl: string | null
  /**
   * `REDIS_URL` (`redis://host:port`): relays each board's changes and presence between instances that
   * serve the same boards from one Postgres database (scale/redis-relay.ts). `null`: one instance.
   * @default null
   */
  redisUrl: string | null
  /**
   * HS256 secret for share-link tokens. `null` is local mode: everyone is a facilitator.
   * @default null
   */
  authSecret: string | null
  /**
   * Allows local mode on a non-loopback host. Off by default: an open board on a LAN is editable by anyone.
   * @default false
   */
  allowOpen: boolean
  /**
   * The largest WebSocket message accepted; a larger one is refused with a `rejected` message. Frames
   * beyond twice this are cut off by the WebSocket layer itself (it must not buffer unbounded input).
   * @default 8 MiB
   */
  maxMessageBytes: number
  /**
   * tldraw licence key handed to the client through /config.json, never baked into the build.
   * @default null
   */
  tldrawLicenseKey: string | null
  /**
   * The built client served with SPA fallback; `null` or a missing folder serves the API only.
   * @default 'client/dist'
   */
  clientDir: string | null
  /**
   * A full-state checkpoint is written every this many history entries, so any moment can be rebuilt
   * from the nearest checkpoint plus at most this many updates.
   * @default 200
   */
  checkpointEvery: number
  /**
   * Debounce of the document snapshot (Hocuspocus `onStoreDocument`). The snapshot only speeds up
   * loading; durability comes from the history log written before each acknowledgement.
   * @default 2000
   */
  snapshotDebounceMs: number
  /**
   * SQLite `synchronous`: 'normal' (with WAL) survives a process crash or kill -9, which is what the
   * acknowledgement promises; 'full' also survives power loss at the price of an fsync per update.
   * @default 'normal'
   */
  sqliteSynchronous: 'normal' | 'full'
  /**
   * pino log level; tests use 'silent'.
   * @default 'info'
   */
  logLevel: LogLevel
  /**
   * The base of share links printed by the invite command and returned by POST /api/boards/:id/invites.
   * `null` derives it from the request's Host header (HTTP) or from host and port (CLI).
   * @default null
   */
  publicUrl: string | null
  /**
   * SQLite `max_page_count` for the database (pages of 4 KiB): a cap on its size, past which writes
   * fail as a full disk would (refused, /healthz 503) instead of filling the filesystem. `null` keeps
   * SQLite's own limit, which is far beyond any disk. The fault tests use it where no small filesystem
   * can be mounted.
   * @default null
   */
  sqliteMaxPages: number | null
  /**
   * Messages per second one WebSocket may send, sustained. A socket over its budget is slowed (its
   * messages wait and its TCP socket is not read), not refused. An honest tab sends well under 100/s
   * (a drag at 60 frames/s plus presence at 20/s); 200 leaves room for a socket carrying several boards.
   * @default 200
   */
  socketMessagesPerSecond: number
  /**
   * Messages one WebSocket may send at once before the rate applies: joining (auth, sync, awareness)
   * and a reconnect's catch-up are a handful; 1,000 never slows an honest client.
   * @default 1000
   */
  socketMessageBurst: number
  /**
   * Bytes per second one WebSocket may send, sustained (slowed like the message rate). 2 MiB/s sends
   * a long offline session's parts (each up to MAX_MESSAGE_BYTES) in seconds.
   * @default 2 MiB
   */
  socketBytesPerSecond: number
  /**
   * Bytes one WebSocket may send at once: three messages of the default 8 MiB limit, so a facilitator's
   * template paste or the first parts of an offline session go through at full speed.
   * @default 24 MiB
   */
  socketByteBurst: number
  /**
   * A socket whose backlog takes longer than this to serve at its budget, or that stays over budget
   * this long, is closed with 4429 and the reason: it sends faster than the budget without pause. 30 s
   * lets 60 MiB through after the burst; it stays under Hocuspocus's 30 s idle timeout per message.
   * @default 30000
   */
  socketThrottleCloseAfterMs: number
  /**
   * WebSocket upgrades per minute from one address, sustained (refused with 429 and Retry-After).
   * An office NAT is one address: 60 people with a few tabs each, plus everyone reconnecting after a
   * server restart.
   * @default 600
   */
  connectionAttemptsPerMinute: number
  /**
   * WebSocket upgrades one address may make at once before the per-minute rate applies: a whole
   * workshop (60 people, 4 tabs) joining in the same minute is 240.
   * @default 1000
   */
  connectionAttemptBurst: number
  /**
   * Open WebSockets from one address (IPv6: one /64); over it, upgrades are refused with 429. Four
   * times a 60-person workshop's 240 tabs, for tabs that hold a second socket while they resend.
   * @default 1000
   */
  maxConnectionsPerAddress: number
  /**
   * Open connections to one board; over it, joining is refused with the reason (a /yjs upgrade with
   * 503). Every update is sent to each of them, so this bounds one update's fan-out.
   * @default 1000
   */
  maxConnectionsPerBoard: number
  /**
   * The largest awareness (presence) state of one client, in bytes of JSON. A state over it is never
   * relayed and its sender is closed with 4413. 64 KiB holds a selection of about 2,000 shapes.
   * @default 64 KiB
   */
  maxAwarenessStateBytes: number
  /**
   * Awareness clients one connection to a board may register: a provider registers one, a y-websocket
   * client one; more is a client inventing peers. Over it the sender is closed with 4413.
   * @default 4
   */
  maxAwarenessClientsPerConnection: number
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For is trusted. 0 reads the socket's
   * address and ignores the header (any client could write it); 1 takes the address the nearest proxy
   * appended (the header's last entry), 2 the one before it, and so on. Behind a proxy with 0, every
   * client shares the proxy's address and its per-address limits.
   * @default 0
   */
  trustProxy: number
  /**
   * A socket that has not authenticated for any board within this time is closed (close code 4408).
   * Honest providers send their token as the socket opens and are answered within milliseconds; 10 s
   * leaves room for a loaded server while stopping sockets that never authenticate from piling up.
   * @default 10000
   */
  authTimeoutMs: number
  /**
   * Node's `headersTimeout`: the time a client has to send the request headers. Short, so a client
   * trickling headers byte by byte (slowloris) cannot hold a connection; real clients send them at once.
   * @default 10000
   */
  httpHeadersTimeoutMs: number
  /**
   * Node's `requestTimeout`: the time a client has to send the whole request, body included. The
   * largest body is `maxJsonBodyBytes`, seconds of upload even on a poor link.
   * @default 30000
   */
  httpRequestTimeoutMs: number
  /**
   * Node's `maxHeaderSize` (bytes of all request headers). Node's own default, made explicit: a share
   * token in `Authorization` is under 1 KiB.
   * @default 16384
   */
  httpMaxHeaderBytes: number
  /**
   * The most headers a request may carry; Node's default is 2,000 and a browser sends about 20.
   * @default 100
   */
  httpMaxHeadersCount: number
  /**
   * The largest JSON request body (a board title, an invite, a version name); a larger one is answered
   * 413. Board content travels over the socket, never in an HTTP body.
   * @default 64 KiB
   */
  maxJsonBodyBytes: number
  /**
   * How long a deleted board is kept, restorable, before it is purged with its history. A month, as
   * the trash of most document tools: long enough to notice a mistaken delete after a holiday.
   * Env `FLOWMAP_DELETED_BOARD_RETENTION_DAYS`.
   * @default 30 days
   */
  deletedBoardRetentionMs: number
  /**
   * How often deleted boards past their retention are purged (also once on start). Hourly: a purge is
   * a few deletes, and a board outlives its window by at most this long.
   * @default 1 hour
   */
  deletedBoardPurgeIntervalMs: number
  /**
   * How long an asset nothing refers to any more is kept: replay shows any moment of this window, and
   * a moment that shows an image needs its file. An asset is collected when neither the board, nor any
   * moment of its history within the window, nor an upload within the window refers to it
   * (assets/asset-collector.ts). A month, as the deleted boards' window.
   * Env `FLOWMAP_ASSET_RETENTION_DAYS`.
   * @default 30 days
   */
  assetRetentionMs: number
  /**
   * How often the asset collector runs in the background. Hourly: a pass reads each board's history
   * window, which is cheap but not free, and a deleted image's file outlives its window by at most this.
   * @default 1 hour
   */
  assetCollectionIntervalMs: number
  /**
   * How long after start the first background pass runs: a restart (everyone reconnecting, boards
   * loading) is not the moment to read histories.
   * @default 10 minutes
   */
  assetCollectionFirstDelayMs: number
  /**
   * With `authSecret` set, how long the facilitator link printed at start (`/?token=…` for every board)
   * stays valid. Without it a first-time operator could not open the home page or create a board at
   * all; bounded, because the link sits in terminal scrollback and logs, where it must not open every
   * board for good. A new start prints a new one.
   * @default 24 (hours)
   */
  startupLinkHours: number
}

export const defaultServerConfig: ServerConfig = {
  port: 1234,
  host: '127.0.0.1',
  dataDir: './data',
  databaseUrl: null,
  redisUrl: null,
  authSecret: null,
  allowOpen: false,
  maxMessageBytes: 8 * 1024 * 1024,
  tldrawLicenseKey: null,
  clientDir: 'client/dist',
  checkpointEvery: 200,
  snapshotDebounceMs: 2000,
  sqliteSynchronous: 'normal',
  logLevel: 'info',
  publicUrl: null,
  sqliteMaxPages: null,
  socketMessagesPerSecond: 200,
  socketMessageBurst: 1000,
  socketBytesPerSecond: 2 * 1024 * 1024,
  socketByteBurst: 24 * 1024 * 1024,
  socketThrottleCloseAfterMs: 30_000,
  connectionAttemptsPerMinute: 600,
  connectionAttemptBurst: 1000,
  maxConnectionsPerAddress: 1000,
  maxConnectionsPerBoard: 1000,
  maxAwarenessStateBytes: 64 * 1024,
  maxAwarenessClientsPerConnection: 4,
  trustProxy: 0,
  authTimeoutMs: 10_000,
  httpHeadersTimeoutMs: 10_000,
  httpRequestTimeoutMs: 30_000,
  httpMaxHeaderBytes: 16 * 1024,
  httpMaxHeadersCount: 100,
  maxJsonBodyBytes: 64 * 1024,
  deletedBoardRetentionMs: 30 * 24 * 60 * 60 * 1000,
  deletedBoardPurgeIntervalMs: 60 * 60 * 1000,
  assetRetentionMs: 30 * 24 * 60 * 60 * 1000,
  assetCollectionIntervalMs: 60 * 60 * 1000,
  assetCollectionFirstDelayMs: 10 * 60 * 1000,
  startupLinkHours: 24,
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] }

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Reads the variables README.md documents; every problem is reported, not just the first. */
export function configFromEnv(env: Record<string, string | undefined>): ConfigResult {
  const errors: string[] = []
  const config: ServerConfig = { ...defaultServerConfig }

  const port = nonEmpty(env.PORT)
  if (port !== null) {
    const parsed = Number(port)
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
      errors.push(`PORT must be an integer from 0 to 65535 (0 picks a free port), got "${port}"`)
    } else config.port = parsed
  }
  config.host = nonEmpty(env.HOST) ?? config.host
  const dataDir = nonEmpty(env.DATA_DIR)
  if (dataDir !== null) config.dataDir = dataDir
  const databaseUrl = nonEmpty(env.DATABASE_URL)
  if (databaseUrl !== null) {
    if (isPostgresUrl(databaseUrl)) config.databaseUrl = databaseUrl
    else errors.push('DATABASE_URL must be a postgres:// or postgresql:// URL')
  }
  const redisUrl = nonEmpty(env.REDIS_URL)
  if (redisUrl !== null) {
    const url = URL.parse(redisUrl)
    if (url !== null && (url.protocol === 'redis:' || url.protocol === 'rediss:')) config.redisUrl = redisUrl
    else errors.push('REDIS_URL must be a redis:// or rediss:// URL')
  }
  if (config.redisUrl !== null && config.databaseUrl === null) {
    errors.push(
      'REDIS_URL needs DATABASE_URL: instances that relay boards to each other must share one database',
    )
  }
  config.authSecret = nonEmpty(env.FLOWMAP_AUTH_SECRET)
  if (config.authSecret !== null && config.authSecret.length < 16) {
    errors.push('FLOWMAP_AUTH_SECRET must be at least 16 characters (HS256 with a short secret is guessable)')
  }
  const allowOpen = nonEmpty(env.FLOWMAP_ALLOW_OPEN)
  if (allowOpen !== null && allowOpen !== '1' && allowOpen !== '0') {
    errors.push(`FLOWMAP_ALLOW_OPEN must be 1 or 0, got "${allowOpen}"`)
  }
  config.allowOpen = allowOpen === '1'
  config.tldrawLicenseKey = nonEmpty(env.TLDRAW_LICENSE_KEY)
  const clientDir = nonEmpty(env.FLOWMAP_CLIENT_DIR)
  if (clientDir !== null) config.clientDir = clientDir
  const logLevel = nonEmpty(env.LOG_LEVEL)
  if (logLevel !== null) {
    if ((LOG_LEVELS as readonly string[]).includes(logLevel)) config.logLevel = logLevel as LogLevel
    else errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join('|')}, got "${logLevel}"`)
  }
  const publicUrl = nonEmpty(env.FLOWMAP_PUBLIC_URL)
  if (publicUrl !== null) {
    if (URL.canParse(publicUrl)) config.publicUrl = publicUrl.replace(/\/+$/, '')
    else errors.push(`FLOWMAP_PUBLIC_URL must be an absolute URL, got "${publicUrl}"`)
  }
  readWholeNumbers(env, config, errors)

  const safety = checkOpenAccess(config)
  if (safety !== null) errors.push(safety)
  return errors.length === 0 ? { ok: true, config } : { ok: false, errors }
}

/** Fills in defaults for in-process callers (tests, bench) and applies the same safety check. */
export function resolveConfig(partial: Partial<ServerConfig>): ServerConfig {
  const config: ServerConfig = { ...defaultServerConfig, ...partial }
  const safety = checkOpenAccess(config)
  if (safety !== null) throw new Error(safety)
  return config
}

/** Local mode lets anyone who can reach the port edit every board: only on loopback unless asked for. */
function checkOpenAccess(config: ServerConfig): string | null {
  if (config.authSecret !== null || config.allowOpen || isLoopback(config.host)) return null
  return (
    `HOST=${config.host} is not a loopback address and FLOWMAP_AUTH_SECRET is not set: anyone who can ` +
    'reach this port could edit every board. Set FLOWMAP_AUTH_SECRET, bind HOST=127.0.0.1, or set ' +
    'FLOWMAP_ALLOW_OPEN=1 to accept that.'
  )
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true
  const kind = isIP(host)
  if (kind === 4) return host.startsWith('127.')
  if (kind === 6) return host === '::1'
  return false
}

/** A URL the Postgres client can open; never echoed back, since it may carry a password. */
function isPostgresUrl(value: string): boolean {
  const url = URL.parse(value)
  return (
    url !== null && (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== ''
  )
}

export function databasePath(config: ServerConfig): string | null {
  return config.dataDir === null ? null : resolve(config.dataDir, 'flowmap.db')
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/**
 * The variables that each set one whole-number field (README "Configuration" and "Limits"), with the
 * least value that makes sense and its unit for the error message.
 */
const WHOLE_NUMBER_VARIABLES = {
  MAX_MESSAGE_BYTES: { field: 'maxMessageBytes', min: 1024, unit: 'bytes' },
  SQLITE_MAX_PAGES: { field: 'sqliteMaxPages', min: 16, unit: 'pages' },
  AUTH_TIMEOUT_MS: { field: 'authTimeoutMs', min: 100, unit: 'milliseconds' },
  FLOWMAP_SOCKET_MESSAGES_PER_SECOND: { field: 'socketMessagesPerSecond', min: 1, unit: 'messages' },
  FLOWMAP_SOCKET_MESSAGE_BURST: { field: 'socketMessageBurst', min: 1, unit: 'messages' },
  FLOWMAP_SOCKET_BYTES_PER_SECOND: { field: 'socketBytesPerSecond', min: 1024, unit: 'bytes' },
  FLOWMAP_SOCKET_BYTE_BURST: { field: 'socketByteBurst', min: 1024, unit: 'bytes' },
  FLOWMAP_SOCKET_THROTTLE_CLOSE_AFTER_MS: {
    field: 'socketThrottleCloseAfterMs',
    min: 1,
    unit: 'milliseconds',
  },
  FLOWMAP_CONNECTION_ATTEMPTS_PER_MINUTE: { field: 'connectionAttemptsPerMinute', min: 1, unit: 'attempts' },
  FLOWMAP_CONNECTION_ATTEMPT_BURST: { field: 'connectionAttemptBurst', min: 1, unit: 'attempts' },
  FLOWMAP_MAX_CONNECTIONS_PER_ADDRESS: { field: 'maxConnectionsPerAddress', min: 1, unit: 'connections' },
  FLOWMAP_MAX_CONNECTIONS_PER_BOARD: { field: 'maxConnectionsPerBoard', min: 1, unit: 'connections' },
  FLOWMAP_MAX_AWARENESS_STATE_BYTES: { field: 'maxAwarenessStateBytes', min: 256, unit: 'bytes' },
  FLOWMAP_MAX_AWARENESS_CLIENTS_PER_CONNECTION: {
    field: 'maxAwarenessClientsPerConnection',
    min: 1,
    unit: 'clients',
  },
  FLOWMAP_TRUST_PROXY: { field: 'trustProxy', min: 0, unit: 'proxies' },
  FLOWMAP_STARTUP_LINK_HOURS: { field: 'startupLinkHours', min: 1, unit: 'hours' },
  // Set in days, kept in milliseconds as the purge timer reads it.
  FLOWMAP_DELETED_BOARD_RETENTION_DAYS: {
    field: 'deletedBoardRetentionMs',
    min: 1,
    unit: 'day',
    scale: 24 * 60 * 60 * 1000,
  },
  FLOWMAP_ASSET_RETENTION_DAYS: {
    field: 'assetRetentionMs',
    min: 1,
    unit: 'day',
    scale: 24 * 60 * 60 * 1000,
  },
} as const satisfies Record<string, { field: keyof ServerConfig; min: number; unit: string; scale?: number }>

function readWholeNumbers(
  env: Record<string, string | undefined>,
  config: ServerConfig,
  errors: string[],
): void {
  for (const [name, variable] of Object.entries(WHOLE_NUMBER_VARIABLES)) {
    const { field, min, unit } = variable
    const value = nonEmpty(env[name])
    if (value === null) continue
    const parsed = Number(value)
    const scale = 'scale' in variable ? variable.scale : 1
    if (Number.isSafeInteger(parsed) && parsed >= min) config[field] = parsed * scale
    else errors.push(`${name} must be a whole number of at least ${min} ${unit}, got "${value}"`)
  }
}
