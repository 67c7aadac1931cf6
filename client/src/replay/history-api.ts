/**
 * The replay's side of the HTTP API: the board's history, page by page (with progress), and its named
 * versions. Every failure is a value with a reason the person can act on.
 */
import { HistoryLog, readHistoryPage } from '@flowmap/shared'

export type LoadedHistory = { log: HistoryLog; names: Record<string, string> }
export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Entries per request: big enough that a 10,000-entry history is ten requests. */
const PAGE_SIZE = 1000

export interface HistoryRequestOptions {
  signal?: AbortSignal
  /** Entries per request (default 1,000). */
  pageSize?: number
  /** The server's origin; the page's own (relative URLs) by default. */
  baseUrl?: string
}

function headers(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

async function getJson(url: string, token: string | null, signal?: AbortSignal): Promise<Loaded<unknown>> {
  let response: Response
  try {
    response = await fetch(url, { headers: headers(token), signal })
  } catch (error) {
    if (signal?.aborted) return { ok: false, reason: 'cancelled' }
    return {
      ok: false,
      reason: `the server could not be reached (${String(error)}); history needs a connection`,
    }
  }
  const body = await response.json().catch(() => null)
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message
    return {
      ok: false,
      reason: typeof message === 'string' ? message : `the server answered ${response.status}`,
    }
  }
  return { ok: true, value: body }
}

/** The board's last history seq, for the progress bar's total. */
export async function fetchLastSeq(
  boardId: string,
  token: string | null,
  baseUrl = '',
): Promise<Loaded<number>> {
  const board = await getJson(`${baseUrl}/api/boards/${encodeURIComponent(boardId)}`, token)
  if (!board.ok) return board
  const lastSeq = (board.value as { lastSeq?: unknown }).lastSeq
  return typeof lastSeq === 'number'
    ? { ok: true, value: lastSeq }
    : { ok: false, reason: 'the board has no lastSeq' }
}

/**
 * Loads the whole history into a HistoryLog (which checkpoints itself as it goes), calling
 * `onProgress(loaded, total)` after each page.
 */
export async function fetchHistory(
  boardId: string,
  token: string | null,
  onProgress: (loaded: number, total: number) => void,
  options: HistoryRequestOptions = {},
): Promise<Loaded<LoadedHistory>> {
  const { signal, pageSize = PAGE_SIZE, baseUrl = '' } = options
  const total = await fetchLastSeq(boardId, token, baseUrl)
  if (!total.ok) return total
  // Replay and the banner read content (contentAt, diff from it), never Yjs states: skip those.
  const log = new HistoryLog(undefined, { yjsCheckpoints: false })
  const names: Record<string, string> = {}
  let after = 0
  onProgress(0, total.value)
  for (;;) {
    const url = `${baseUrl}/api/boards/${encodeURIComponent(boardId)}/history?after=${after}&limit=${pageSize}`
    const page = await getJson(url, token, signal)
    if (!page.ok) return page
    const read = readHistoryPage(page.value)
    if (!read.ok) return { ok: false, reason: `the history could not be read: ${read.reason}` }
    log.append(read.page.entries)
    Object.assign(names, read.page.names)
    onProgress(log.lastSeq, Math.max(total.value, log.lastSeq))
    if (!read.page.hasMore || read.page.nextAfter === null) return { ok: true, value: { log, names } }
    after = read.page.nextAfter
  }
}

export type NamedVersion = { seq: number; name: string; time: string; userId: string; userName: string }

export async function fetchVersions(boardId: string, token: string | null): Promise<Loaded<NamedVersion[]>> {
  const body = await getJson(`/api/boards/${encodeURIComponent(boardId)}/versions`, token)
  if (!body.ok) return body
  const versions = (body.value as { versions?: unknown }).versions
  return Array.isArray(versions)
    ? { ok: true, value: versions as NamedVersion[] }
    : { ok: false, reason: 'the versions answer has no list' }
}

/** Names a moment: `seq` of the history, or the board's latest when absent. */
export async function nameVersion(
  boardId: string,
  token: string | null,
  name: string,
  seq?: number,
): Promise<Loaded<NamedVersion>> {
  let response: Response
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/versions`, {
      method: 'POST',
      headers: { ...headers(token), 'content-type': 'application/json' },
      body: JSON.stringify(seq === undefined ? { name } : { name, seq }),
    })
  } catch (error) {
    return { ok: false, reason: `the server could not be reached (${String(error)})` }
  }
  const body = await response.json().catch(() => null)
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message
    return {
      ok: false,
      reason: typeof message === 'string' ? message : `the server answered ${response.status}`,
    }
  }
  return { ok: true, value: body as NamedVersion }
}
