/**
 * Wires one Flowmap server: storage, the Hocuspocus instance with its extensions, and one HTTP server
 * carrying both the API and the WebSocket endpoints on one port: /collab (Hocuspocus protocol) and
 * /yjs/<board> (plain y-websocket clients, bridged into the same hooks); any other upgrade gets a 404.
 * On both, every frame is decoded by the frame guard (protocol/guarded-socket.ts) before Hocuspocus
 * sees it, and a socket that does not authenticate in time is closed.
 *
 * Every incoming message goes through one synchronous hook, the message pipeline
 * (extensions/message-pipeline.ts), whose stages run in this order: metrics counts every message, the
 * awareness limits close a sender over them, auth refuses viewers' writes, client IDs refuses structs
 * under another writer's ID, validation tries updates on the shadow, history appends what validation
 * admitted. The other hooks stay in their extensions (Hocuspocus runs higher priority first): metrics
 * observes the instance, the board connection limit refuses joining a full board, auth authenticates,
 * persistence loads boards, history follows server-side changes, people tells each board who is on it
 * (and a facilitator's role changes reach live connections through it), the connection log writes last.
 * Upgrades are admitted per address and sockets are slowed to their message and byte budgets by
 * limits/ (limits/server-limits.ts).
 */
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import { Hocuspocus, type WebSocketLike } from '@hocuspocus/server'
import { type WebSocket, WebSocketServer } from 'ws'
import { startAssetCollection } from './assets/asset-collection-schedule.ts'
import { type AssetFiles, DirectoryAssetFiles, MemoryAssetFiles } from './assets/asset-files.ts'
import { type LiveMembers, liveMembers } from './boards/apply-member-change.ts'
import { BoardShadows } from './boards/board-shadows.ts'
import { BoardTurns } from './boards/board-turns.ts'
import { startDeletedBoardPurge } from './boards/deleted-boards.ts'
import { catchUpStage, LogCatchUp } from './boards/log-catch-up.ts'
import { createRefuser } from './boards/refuse-update.ts'
import { validateTouched } from './boards/validate-touched.ts'
import { liveBoardWriter } from './boards/write-live-board.ts'
import { resolveConfig, type ServerConfig } from './config.ts'
import { ImportConverter } from './convert/import-converter.ts'
import { attentionExtension } from './extensions/attention.ts'
import { authExtension, viewerStage } from './extensions/auth.ts'
import { createClientIds } from './extensions/client-ids.ts'
import { connectionLogExtension } from './extensions/connection-log.ts'
import { deletedBoardGuardExtension } from './extensions/deleted-board-guard.ts'
import { createHistory } from './extensions/history.ts'
import { messagePipelineExtension } from './extensions/message-pipeline.ts'
import { messageBytesStage, metricsExtension } from './extensions/metrics.ts'
import { createPeople } from './extensions/people.ts'
import { persistenceExtension } from './extensions/persistence.ts'
import { privateRevealExtension } from './extensions/private-reveal.ts'
import { serverClockExtension } from './extensions/server-clock.ts'
import { titleSyncExtension } from './extensions/title-sync.ts'
import { releaseStage, validationStage } from './extensions/validation.ts'
import { votingExtension } from './extensions/voting.ts'
import { createRequestHandler } from './http/request-handler.ts'
import { bridgeYWebsocketClient, tokenFromQuery, yWebsocketBoardId } from './interop/y-websocket-bridge.ts'
import { createServerLimits } from './limits/server-limits.ts'
import { createLogger, type Logger } from './logger.ts'
import { closeReason, FLOWMAP_CLOSE } from './protocol/close-codes.ts'
import { collabFrameChecker, isAuthenticatedAnswer } from './protocol/frame-guard.ts'
import { guardSocket } from './protocol/guarded-socket.ts'
import { type BoardEvent, type BoardEvents, redisBoardEvents } from './scale/board-events.ts'
import { type PeopleElsewhere, peopleElsewhere } from './scale/people-elsewhere.ts'
import { createRedisRelay, type RedisRelay } from './scale/redis-relay.ts'
import { ServerMetrics } from './server-metrics.ts'
import type { AsyncBoardStorage } from './storage/async-board-storage.ts'
import { openServerStorage } from './storage/open-storage.ts'

export interface RunningServer {
  /** http://HOST:PORT */
  url: string
  port: number
  /** Stops accepting, closes connections, writes pending snapshots, closes storage. Idempotent. */
  close(): Promise<void>
  /** For in-process tests and the benchmark: the storage this server writes (SQLite or Postgres). */
  storage: AsyncBoardStorage
  /** For in-process tests: the asset store's files (their records are in `storage`). */
  assetFiles: AssetFiles
  /** For in-process tests: the worker that lays out imported files. */
  importConverter: ImportConverter
  /** The Hocuspocus instance (documents, connection counts). */
  hocuspocus: Hocuspocus
  logger: Logger
}

export const COLLAB_PATH = '/collab'

export async function startFlowmapServer(partial: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config = resolveConfig(partial)
  const logger = createLogger(config.logLevel)
  const metrics = new ServerMetrics()
  const { storage, kind: storageKind } = await openServerStorage(config)
  const shadows = new BoardShadows()
  const turns = new BoardTurns()
  const relay = config.redisUrl === null ? null : createRedisRelay({ url: config.redisUrl, logger })
  const catchUp = new LogCatchUp(storage, shadows, relay !== null)
  const refuse = createRefuser(logger, metrics)
  const clientIds = createClientIds({
    storage,
    shadows,
    refuse,
    localMode: config.authSecret === null,
    peers: relay !== null,
  })

  const history = createHistory({
    storage,
    shadows,
    turns,
    catchUp,
    checkpointEvery: config.checkpointEvery,
    metrics,
    logger,
    refuse,
    clientIds,
  })
  // With several instances: facilitator actions on live connections, and who is connected, reach
  // every instance (scale/board-events.ts, scale/people-elsewhere.ts).
  const events: BoardEvents | null =
    relay === null || config.redisUrl === null
      ? null
      : redisBoardEvents({
          url: config.redisUrl,
          instanceId: relay.instanceId,
          logger,
          apply: (event, origin): Promise<void> =>
            applyBoardEvent(event, origin, { hocuspocus, members, storage, elsewhere }),
        })
  const elsewhere: PeopleElsewhere | null =
    events === null
      ? null
      : peopleElsewhere({
          publish: (boardId, list) => events.publish({ type: 'people', boardId, list }),
          changed: (boardId) => {
            const document = hocuspocus.documents.get(boardId)
            if (document !== undefined) people.announce(document)
          },
        })
  const people = createPeople(elsewhere)
  const importConverter = new ImportConverter()
  const assetFiles: AssetFiles =
    config.dataDir === null ? new MemoryAssetFiles() : new DirectoryAssetFiles(join(config.dataDir, 'assets'))
  const limits = createServerLimits(config, logger, (board) => boardConnectionsCount(hocuspocus, board))
  const hocuspocus = new Hocuspocus({
    name: 'flowmap',
    quiet: true,
    debounce: config.snapshotDebounceMs,
    maxDebounce: config.snapshotDebounceMs * 5,
    extensions: [
      ...(relay === null ? [] : [relay.extension]),
      metricsExtension(metrics),
      limits.boardConnectionLimit,
      authExtension({ authSecret: config.authSecret, members: storage, logger, refuse }),
      deletedBoardGuardExtension({ storage, retentionMs: config.deletedBoardRetentionMs }),
      persistenceExtension({ storage, shadows, turns, catchUp, metrics, logger }),
      titleSyncExtension({ storage, logger }),
      attentionExtension({ logger }),
      serverClockExtension({ logger }),
      privateRevealExtension({ history, shadows, turns, logger }),
      messagePipelineExtension({
        stages: [
          messageBytesStage(metrics),
          limits.awarenessStage,
          viewerStage(refuse),
          ...(relay === null ? [] : [catchUpStage(catchUp, turns)]),
          clientIds.stage,
          validationStage({
            shadows,
            maxMessageBytes: config.maxMessageBytes,
            validate: validateTouched,
            refuse,
          }),
          history.stage,
        ],
        after: [releaseStage(shadows), clientIds.after],
        turns,
      }),
      history.extension,
      clientIds.extension,
      people.extension,
      votingExtension({ storage, history, shadows, turns, logger }),
      connectionLogExtension(logger),
    ],
  })

  const members = liveMembers(hocuspocus, people.announce)

  // The WebSocket layer cuts off frames far beyond the limit without buffering them; between the limit
  // and twice it, the validation extension refuses politely, with a reason the client can show.
  // Each socket's messages pass its rate budget (limits/), one message per event-loop turn
  // (allowSynchronousEvents: false), so frames one socket has already sent never starve the others.
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxMessageBytes * 2,
    WebSocket: limits.WebSocket,
    allowSynchronousEvents: false,
  })
  const http = createServer(
    {
      headersTimeout: config.httpHeadersTimeoutMs,
      requestTimeout: config.httpRequestTimeoutMs,
      maxHeaderSize: config.httpMaxHeaderBytes,
      // Node checks the two timeouts on this interval (30 s by default, longer than the timeouts).
      connectionsCheckingInterval: Math.min(5_000, config.httpHeadersTimeoutMs),
    },
    createRequestHandler({
      config,
      storage,
      metrics,
      logger,
      closeBoardSockets: (board, reason) => {
        events?.publish({ type: 'board-deleted', boardId: board, reason })
        closeBoardSockets(hocuspocus, board, reason)
      },
      liveMembers: everywhere(members, events),
      writeBoardAs: liveBoardWriter({ hocuspocus, history, shadows, turns }),
      importConverter,
      assetFiles,
      dependencies: { storage: storageKind, redisReady: relay === null ? null : () => relay.isReady() },
    }),
  )
  http.maxHeadersCount = config.httpMaxHeadersCount
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // URL.parse, not new URL: a request line it cannot parse must not throw out of the upgrade event.
    const path = URL.parse(request.url ?? '/', 'http://flowmap.invalid')?.pathname ?? null
    if (path === null) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    if (!limits.admitUpgrade(request, socket, yWebsocketBoardId(path))) return
    if (path === COLLAB_PATH) {
      sockets.handleUpgrade(request, socket, head, (ws) =>
        attachSocket(hocuspocus, ws, request, logger, config.authTimeoutMs),
      )
      return
    }
    const yWebsocketBoard = yWebsocketBoardId(path)
    if (yWebsocketBoard !== null) {
      sockets.handleUpgrade(request, socket, head, (ws) =>
        bridgeYWebsocketClient({
          hocuspocus,
          ws,
          request: toFetchRequest(request),
          boardId: yWebsocketBoard,
          token: tokenFromQuery(request),
          logger,
          authTimeoutMs: config.authTimeoutMs,
        }),
      )
      return
    }
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(config.port, config.host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const address = http.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const url = `http://${urlHost(config.host)}:${port}`
  logger.info({ event: 'config', storage: storageKind }, `storage: ${storageKind}`)
  warnAboutUnsafeSetup(config, logger)
  const stopPurge = startDeletedBoardPurge({
    storage,
    retentionMs: config.deletedBoardRetentionMs,
    intervalMs: config.deletedBoardPurgeIntervalMs,
    logger,
  })
  const stopAssetCollection = startAssetCollection({
    storage,
    files: assetFiles,
    retentionMs: config.assetRetentionMs,
    intervalMs: config.assetCollectionIntervalMs,
    firstDelayMs: config.assetCollectionFirstDelayMs,
    logger,
  })

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    storage,
    assetFiles,
    importConverter,
    hocuspocus,
    logger,
    close: () => {
      // Both background jobs end (a pass still running finishes) before the storage closes.
      closing ??= Promise.all([stopPurge(), stopAssetCollection()]).then(() =>
        shutDown({ http, sockets, hocuspocus, storage, relay, events, elsewhere, importConverter, logger }),
      )
      return closing
    },
  }
}

function attachSocket(
  hocuspocus: Hocuspocus,
  ws: WebSocket,
  request: IncomingMessage,
  logger: Logger,
  authTimeoutMs: number,
): void {
  // Hocuspocus writes to this wrapper, so the guard sees the "authenticated" answer go out.
  const towardsClient: WebSocketLike = {
    get readyState() {
      return ws.readyState
    },
    close: (code, reason) => ws.close(code, reason === undefined ? undefined : closeReason(reason)),
    send: (data) => {
      if (!guard.authenticated && data instanceof Uint8Array && isAuthenticatedAnswer(data)) {
        guard.markAuthenticated()
      }
      ws.send(data as Uint8Array)
    },
  }
  const client = hocuspocus.handleConnection(towardsClient, toFetchRequest(request))
  const guard = guardSocket({
    ws,
    endpoint: 'collab',
    authTimeoutMs,
    logger,
    check: collabFrameChecker(),
    // A bare Pong, or a CLOSE for a board never opened here, has nothing for Hocuspocus.
    onFrame: (frame, check) => {
      if (check.address !== null) client.handleMessage(frame)
    },
  })
  ws.on('close', (code: number, reason: Buffer) => client.handleClose({ code, reason: reason.toString() }))
  ws.on('error', (error: Error) => {
    // ws closes the socket itself (e.g. 1009 for a frame over maxPayload); record why.
    logger.warn({ event: 'error', err: error.message }, 'WebSocket error')
  })
}

/**
 * Closes the sockets of everyone on a board (it was deleted). The whole socket, not only the board's
 * document connection: a provider whose document connection alone is closed never reconnects, while
 * one whose socket closes reconnects and is then told why (the deleted-board guard's refusal).
 */
function closeBoardSockets(hocuspocus: Hocuspocus, board: string, reason: string): void {
  for (const connection of hocuspocus.documents.get(board)?.getConnections() ?? []) {
    connection.webSocket.close(FLOWMAP_CLOSE.boardDeleted.code, closeReason(reason))
  }
}

/** The live members of this instance, whose changes are also published to the others. */
function everywhere(members: LiveMembers, events: BoardEvents | null): LiveMembers {
  if (events === null) return members
  return {
    tokenIdsOf: members.tokenIdsOf,
    apply: (boardId, userId, change) => {
      events.publish({ type: 'member-change', boardId, userId, change })
      return members.apply(boardId, userId, change)
    },
  }
}

/** Another instance's facilitator action or people list, on this instance's connections. */
async function applyBoardEvent(
  event: BoardEvent,
  origin: string,
  parts: {
    hocuspocus: Hocuspocus
    members: LiveMembers
    storage: AsyncBoardStorage
    elsewhere: PeopleElsewhere | null
  },
): Promise<void> {
  if (event.type === 'people') {
    parts.elsewhere?.receive(origin, event.boardId, event.list)
    return
  }
  if (event.type === 'board-deleted') {
    closeBoardSockets(parts.hocuspocus, event.boardId, event.reason)
    return
  }
  if (event.change === 'removed') {
    // The links the person's connections here were opened with are revoked too, as on the instance
    // that took the request.
    const now = Date.now()
    for (const tokenId of parts.members.tokenIdsOf(event.boardId, event.userId)) {
      await parts.storage.revokeToken(event.boardId, tokenId, now)
    }
  }
  parts.members.apply(event.boardId, event.userId, event.change)
}

function boardConnectionsCount(hocuspocus: Hocuspocus, board: string): number {
  return hocuspocus.documents.get(board)?.getConnectionsCount() ?? 0
}

/** Hocuspocus 4 reads headers and query parameters from a fetch Request. */
function toFetchRequest(request: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, { headers })
}

async function shutDown(parts: {
  http: HttpServer
  sockets: WebSocketServer
  hocuspocus: Hocuspocus
  storage: AsyncBoardStorage
  relay: RedisRelay | null
  events: BoardEvents | null
  elsewhere: PeopleElsewhere | null
  importConverter: ImportConverter
  logger: Logger
}): Promise<void> {
  const { http, sockets, hocuspocus, storage, relay, events, elsewhere, importConverter, logger } = parts
  const stopped = new Promise<void>((resolve) => http.close(() => resolve()))
  hocuspocus.closeConnections()
  for (const ws of sockets.clients) ws.close(1001, 'server shutting down')
  hocuspocus.flushPendingStores()
  // Snapshots are written from timers Hocuspocus owns; give them a moment, then close regardless:
  // the history log already holds everything acknowledged.
  for (let waited = 0; hocuspocus.getDocumentsCount() > 0 && waited < 3000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  for (const ws of sockets.clients) ws.terminate()
  http.closeAllConnections()
  await stopped
  await importConverter.close()
  sockets.close()
  await events?.close()
  elsewhere?.stop()
  await relay?.close()
  await storage.close()
  logger.info({ event: 'stopped' }, 'server stopped')
  logger.flush()
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

function warnAboutUnsafeSetup(config: ServerConfig, logger: Logger): void {
  if (config.authSecret === null) {
    logger.warn(
      { event: 'config' },
      'local mode: FLOWMAP_AUTH_SECRET is not set, so everyone who can reach this server is a facilitator',
    )
  }
  if (config.dataDir === null && config.databaseUrl === null) {
    logger.warn({ event: 'config' }, 'storage is in memory: all boards will be lost when the server stops')
  }
}
