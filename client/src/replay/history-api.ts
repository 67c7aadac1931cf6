/**
 * The replay's side of the HTTP API: the board's history, page by page (with progress), and its named
 * versions. Every failure is a value with a reason the person can act on.
 */
import {
  type BodyRead,
  type HistoryEntry,
  HistoryLog,
  type NamedVersionJson,
  readBoardBody,
  readHistoryPage,
  readNamedVersionBody,
  readVersionListBody,
  refusalMessageOf,
} from '@flowmap/shared'
import { presentedToken } from '../presence/identity-token.ts'
import type { CachedHistory, HistoryCache } from '../storage/history-cache.ts'

export type LoadedHistory = {
  log: HistoryLog
  names: Record<string, string>
  /** Why only this device's copy is shown (the server could not be reached); null when it is all. */
  offline: string | null
}
/** `unreachable`: the request never got an answer (no network, server down), unlike a refusal. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string; unreachable?: true }

/** Entries per request: big enough that a 10,000-entry history is ten requests. */
const PAGE_SIZE = 1000

export interface HistoryRequestOptions {
  signal?: AbortSignal
  /** Entries per request (default 1,000). */
  pageSize?: number
  /** The server's origin; the page's own (relative URLs) by default. */
  baseUrl?: string
  /** This device's copy of histories: only what it lacks is downloaded, and it opens offline. */
  cache?: HistoryCache
}

/** In local mode, this device's person: a version it names is credited to them (identity-token.ts). */
function headers(token: string | null): Record<string, string> {
  const presented = presentedToken(token)
  return presented ? { authorization: `Bearer ${presented}` } : {}
}

/** One API request: the JSON answer, or the server's own message when it says no. */
async function requestJson(
  url: string,
  token: string | null,
  init: { signal?: AbortSignal | undefined; method?: 'POST'; body?: unknown } = {},
): Promise<Loaded<unknown>> {
  let response: Response
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined ? headers(token) : { ...headers(token), 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    })
  } catch (error) {
    if (init.signal?.aborted) return { ok: false, reason: 'cancelled' }
    return { ok: false, reason: `the server could not be reached (${String(error)})`, unreachable: true }
  }
  const body = await response.json().catch(() => null)
  if (!response.ok) {
    return { ok: false, reason: refusalMessageOf(body) ?? `the server answered ${response.status}` }
  }
  return { ok: true, value: body }
}

/** A request's answer read by its body's reader (@flowmap/shared protocol/). */
function readAnswer<Body, T>(
  answer: Loaded<unknown>,
  read: (json: unknown) => BodyRead<Body>,
  pick: (body: Body) => T,
): Loaded<T> {
  if (!answer.ok) return answer
  const body = read(answer.value)
  return body.ok ? { ok: true, value: pick(body.body) } : { ok: false, reason: body.reason }
}

/** The board's last history seq, for the progress bar's total. */
export async function fetchLastSeq(
  boardId: string,
  token: string | null,
  baseUrl = '',
): Promise<Loaded<number>> {
  const board = await requestJson(`${baseUrl}/api/boards/${encodeURIComponent(boardId)}`, token)
  return readAnswer(board, readBoardBody, (body) => body.lastSeq)
}

/**
 * Loads the whole history into a HistoryLog (which checkpoints itself as it goes), calling
 * `onProgress(loaded, total)` after each page. With a cache, the device's copy is read first and only
 * the entries after it are downloaded (and added to it); with the server unreachable, the device's copy
 * is the answer, marked `offline`.
 */
export async function fetchHistory(
  boardId: string,
  token: string | null,
  onProgress: (loaded: number, total: number) => void,
  options: HistoryRequestOptions = {},
): Promise<Loaded<LoadedHistory>> {
  const { signal, baseUrl = '', cache } = options
  const readPage = (after: number, limit: number) =>
    readHistoryPageAfter(boardId, token, after, limit, baseUrl, signal)

  let known = cache ? await readCache(cache, boardId) : NOTHING_CACHED
  const total = await fetchLastSeq(boardId, token, baseUrl)
  if (!total.ok) {
    if (!total.unreachable || known.entries.length === 0) return total
    return { ok: true, value: { ...logOf(known), offline: total.reason } }
  }
  if (cache && known.entries.length > 0) {
    const last = known.entries[known.entries.length - 1]!
    const check = last.seq <= total.value ? await readPage(last.seq - 1, 1) : null
    if (check !== null && !check.ok) return check
    if (check === null || !sameEntry(check.page.entries[0], last)) {
      // Not this board's history any more (the server's was reset): start over from the server.
      await writeCache(() => cache.drop(boardId))
      known = NOTHING_CACHED
    }
  }

  // Replay and the banner read content (contentAt, diff from it), never Yjs states: skip those.
  const { log, names } = logOf(known)
  const downloaded = await downloadAfter(boardId, token, { log, names }, total.value, onProgress, options)
  if (!downloaded.ok) return downloaded
  return { ok: true, value: { log, names, offline: null } }
}

/**
 * Brings a loaded history up to date: the entries after its last seq are appended to its log (and to
 * the device's copy, with a cache). Answers how many arrived. For a view that stays open (Activity).
 */
export async function fetchNewEntries(
  boardId: string,
  token: string | null,
  history: { log: HistoryLog; names: Record<string, string> },
  options: HistoryRequestOptions = {},
): Promise<Loaded<number>> {
  const before = history.log.lastSeq
  const total = await fetchLastSeq(boardId, token, options.baseUrl)
  if (!total.ok) return total
  if (total.value <= before) return { ok: true, value: 0 }
  const downloaded = await downloadAfter(boardId, token, history, total.value, () => {}, options)
  return downloaded.ok ? { ok: true, value: history.log.lastSeq - before } : downloaded
}

async function downloadAfter(
  boardId: string,
  token: string | null,
  { log, names }: { log: HistoryLog; names: Record<string, string> },
  total: number,
  onProgress: (loaded: number, total: number) => void,
  { signal, pageSize = PAGE_SIZE, baseUrl = '', cache }: HistoryRequestOptions,
): Promise<Loaded<null>> {
  let after = log.lastSeq
  let caching = cache !== undefined
  onProgress(after, Math.max(total, after))
  while (after < total) {
    const read = await readHistoryPageAfter(boardId, token, after, pageSize, baseUrl, signal)
    if (!read.ok) return read
    log.append(read.page.entries)
    Object.assign(names, read.page.names)
    if (caching) caching = await writeCache(() => cache!.append(boardId, read.page.entries, read.page.names))
    onProgress(log.lastSeq, Math.max(total, log.lastSeq))
    if (!read.page.hasMore || read.page.nextAfter === null) break
    after = read.page.nextAfter
  }
  return { ok: true, value: null }
}

async function readHistoryPageAfter(
  boardId: string,
  token: string | null,
  after: number,
  limit: number,
  baseUrl: string,
  signal: AbortSignal | undefined,
) {
  const url = `${baseUrl}/api/boards/${encodeURIComponent(boardId)}/history?after=${after}&limit=${limit}`
  const page = await requestJson(url, token, { signal })
  if (!page.ok) return page
  const read = readHistoryPage(page.value)
  return read.ok ? read : { ok: false as const, reason: `the history could not be read: ${read.reason}` }
}

const NOTHING_CACHED: CachedHistory = { entries: [], names: {} }

function logOf(history: CachedHistory): { log: HistoryLog; names: Record<string, string> } {
  const log = new HistoryLog(undefined, { yjsCheckpoints: false })
  log.append(history.entries)
  return { log, names: { ...history.names } }
}

function sameEntry(server: HistoryEntry | undefined, cached: HistoryEntry): boolean {
  if (server === undefined || server.seq !== cached.seq || server.time !== cached.time) return false
  if (server.update.byteLength !== cached.update.byteLength) return false
  return server.update.every((byte, i) => byte === cached.update[i])
}

async function readCache(cache: HistoryCache, boardId: string): Promise<CachedHistory> {
  try {
    return await cache.read(boardId)
  } catch (error) {
    console.warn(`Flowmap: this device's copy of the history could not be read (${String(error)})`)
    return NOTHING_CACHED
  }
}

/** false when the cache failed: loading goes on from the server, without it. */
async function writeCache(write: () => Promise<void>): Promise<boolean> {
  try {
    await write()
    return true
  } catch (error) {
    console.warn(`Flowmap: this device could not keep a copy of the history (${String(error)})`)
    return false
  }
}

export async function fetchVersions(
  boardId: string,
  token: string | null,
): Promise<Loaded<NamedVersionJson[]>> {
  const answer = await requestJson(`/api/boards/${encodeURIComponent(boardId)}/versions`, token)
  return readAnswer(answer, readVersionListBody, (body) => body.versions)
}

/** Names a moment: `seq` of the history, or the board's latest when absent. */
export async function nameVersion(
  boardId: string,
  token: string | null,
  name: string,
  seq?: number,
): Promise<Loaded<NamedVersionJson>> {
  const answer = await requestJson(`/api/boards/${encodeURIComponent(boardId)}/versions`, token, {
    method: 'POST',
    body: seq === undefined ? { name } : { name, seq },
  })
  return readAnswer(answer, readNamedVersionBody, (version) => version)
}
