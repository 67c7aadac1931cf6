/**
 * The boards an as-is / to-be comparison can read: this board now, its named versions (the replay's
 * history API: the whole history once, then `contentAt` each version's seq), and the other boards the
 * server lists for this link (their JSON export). Each is migrated and validated by the editor's own
 * schema, as records from the server are on load, then analysed as the live board is.
 */
import {
  analyzeWorkflow,
  isSerializedSchema,
  type Role,
  readBoardExportBody,
  toWorkflowGraph,
  validateRole,
  type WorkflowInsights,
} from '@flowmap/shared'
import type { SerializedSchema, TLRecord, TLStore } from 'tldraw'
import { fetchServerBoards } from '../../home/server-boards.ts'
import { presentedToken } from '../../presence/identity-token.ts'
import { fetchHistory, fetchVersions, type Loaded, type LoadedHistory } from '../../replay/history-api.ts'
import { withDeviceHistoryCache } from '../../storage/history-cache.ts'
import { needsMigration, prepareForStore } from '../../sync/store-records.ts'

export type CompareSource =
  | { kind: 'now'; key: 'now'; label: string }
  | { kind: 'version'; key: string; label: string; seq: number }
  | { kind: 'board'; key: string; label: string; boardId: string }

/** What the comparison needs from the outside: the choices, and the insights of one of them. */
export interface CompareLoader {
  sources(): Promise<Loaded<CompareSource[]>>
  insightsOf(source: CompareSource): Promise<Loaded<WorkflowInsights>>
}

type Content = { records: Iterable<TLRecord>; roles: readonly Role[]; schema: SerializedSchema | null }

export const NOW_SOURCE: CompareSource = { kind: 'now', key: 'now', label: 'This board now' }

/** The loader for one open board. `current` reads the live board (records, roles, schema). */
export function boardCompareLoader(options: {
  boardId: string
  token: string | null
  store: TLStore
  current(): Content
}): CompareLoader {
  const { boardId, token, store } = options
  // Loaded once per panel: versions are points of one history, and a second comparison reuses it.
  let history: Promise<Loaded<LoadedHistory>> | null = null
  const loadHistory = () => {
    history ??= withDeviceHistoryCache((cache) => fetchHistory(boardId, token, () => {}, { cache }))
    return history
  }

  const contentOf = async (source: CompareSource): Promise<Loaded<Content>> => {
    switch (source.kind) {
      case 'now':
        return { ok: true, value: options.current() }
      case 'version': {
        const loaded = await loadHistory()
        if (!loaded.ok) {
          history = null
          return { ok: false, reason: `the history could not be loaded: ${loaded.reason}` }
        }
        const content = loaded.value.log.contentAt(source.seq)
        return {
          ok: true,
          value: { records: content.records.values(), roles: content.roles, schema: content.board.schema },
        }
      }
      case 'board':
        return fetchBoardExport(source.boardId, token)
    }
  }

  return {
    async sources() {
      const [versions, boards] = await Promise.all([
        fetchVersions(boardId, token),
        fetchServerBoards({ token }),
      ])
      if (!versions.ok)
        return { ok: false, reason: `the named versions could not be loaded: ${versions.reason}` }
      return {
        ok: true,
        value: [
          NOW_SOURCE,
          ...versions.value.map((version) => ({
            kind: 'version' as const,
            key: `version:${version.seq}:${version.name}`,
            label: `Version “${version.name}”`,
            seq: version.seq,
          })),
          // Other boards only when the server lists them for this link (a facilitator's); else none.
          ...(boards.ok ? boards.boards : [])
            .filter((board) => board.id !== boardId)
            .map((board) => ({
              kind: 'board' as const,
              key: `board:${board.id}`,
              label: `Board “${board.title || 'Untitled'}”`,
              boardId: board.id,
            })),
        ],
      }
    },
    async insightsOf(source) {
      const content = await contentOf(source)
      if (!content.ok) return content
      return analyzeContent(store, content.value)
    },
  }
}

/**
 * The insights of a board's content, after migrating its records from the schema they were written
 * with and validating them as the store would: a record that fails is left out, as it would be on load.
 */
export function analyzeContent(store: TLStore, content: Content): Loaded<WorkflowInsights> {
  const migrateFrom = needsMigration(store, content.schema) ? content.schema : null
  const records: TLRecord[] = []
  for (const record of content.records) {
    const prepared = prepareForStore(store, record, migrateFrom)
    if (prepared.ok) records.push(prepared.record)
  }
  return { ok: true, value: analyzeWorkflow(toWorkflowGraph(records, content.roles)) }
}

async function fetchBoardExport(boardId: string, token: string | null): Promise<Loaded<Content>> {
  const presented = presentedToken(token)
  let response: Response
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/export.json`, {
      headers: presented ? { authorization: `Bearer ${presented}` } : {},
    })
  } catch (error) {
    return { ok: false, reason: `the server could not be reached (${String(error)})`, unreachable: true }
  }
  if (!response.ok) return { ok: false, reason: `the server answered ${response.status} to the board export` }
  const read = readBoardExportBody(await response.json().catch(() => null))
  if (!read.ok) return { ok: false, reason: read.reason }
  const schema = read.body.board.schema
  return {
    ok: true,
    value: {
      records: read.body.records,
      // The export checks roles for their id only; a role that is not valid is left out, as on load.
      roles: read.body.roles.flatMap((role) => {
        const valid = validateRole(role)
        return valid.ok ? [valid.role] : []
      }),
      schema: isSerializedSchema(schema) ? schema : null,
    },
  }
}
