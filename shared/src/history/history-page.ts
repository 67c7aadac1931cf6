import { type HistoryEntry, replayEntry } from './history-entry.ts'

/**
 * One page of `GET /api/boards/:id/history?after=SEQ&limit=N` as the server sends it (times as ISO
 * strings, updates base64), read back into history entries. Validated here because it crosses the
 * network: a bad page is a value with the reason, never a half-read history.
 */
export type HistoryPage = {
  entries: HistoryEntry[]
  /** Display names by user id, from the entries' `userName`. */
  names: Record<string, string>
  hasMore: boolean
  nextAfter: number | null
}

export type HistoryPageRead = { ok: true; page: HistoryPage } | { ok: false; reason: string }

export function readHistoryPage(json: unknown): HistoryPageRead {
  if (typeof json !== 'object' || json === null) return fail('the history page is not a JSON object')
  const body = json as { entries?: unknown; hasMore?: unknown; nextAfter?: unknown }
  if (!Array.isArray(body.entries)) return fail('the history page has no "entries" list')
  const entries: HistoryEntry[] = []
  const names: Record<string, string> = {}
  for (const [index, raw] of body.entries.entries()) {
    const read = readEntry(raw)
    if (typeof read === 'string') return fail(`history entry ${index} of the page: ${read}`)
    entries.push(read.entry)
    if (read.name !== null) names[read.entry.userId] = read.name
  }
  const nextAfter = typeof body.nextAfter === 'number' ? body.nextAfter : null
  return { ok: true, page: { entries, names, hasMore: body.hasMore === true, nextAfter } }
}

function readEntry(raw: unknown): { entry: HistoryEntry; name: string | null } | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object'
  const row = raw as Record<string, unknown>
  if (typeof row.seq !== 'number' || !Number.isInteger(row.seq) || row.seq < 1) {
    return `seq must be a positive integer, got ${JSON.stringify(row.seq)}`
  }
  const time = typeof row.time === 'string' ? Date.parse(row.time) : Number.NaN
  if (Number.isNaN(time)) return `seq ${row.seq}: time must be an ISO date, got ${JSON.stringify(row.time)}`
  if (typeof row.update !== 'string') return `seq ${row.seq}: update must be a base64 string`
  let update: Uint8Array
  try {
    update = fromBase64(row.update)
  } catch {
    return `seq ${row.seq}: update is not valid base64`
  }
  const entry = replayEntry({
    seq: row.seq,
    time,
    userId: typeof row.userId === 'string' ? row.userId : null,
    clientId: typeof row.clientId === 'number' ? row.clientId : null,
    update,
  })
  const name = typeof row.userName === 'string' && row.userName !== '' ? row.userName : null
  return { entry, name }
}

/** atob is in browsers and Node alike (shared/ uses no Node-only API such as Buffer). */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function fail(reason: string): HistoryPageRead {
  return { ok: false, reason }
}
