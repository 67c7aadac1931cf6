import type { SerializedSchema } from '@tldraw/store'
import type * as Y from 'yjs'
import { boardMap, NO_NESTED_FIELDS } from './doc-maps.ts'
import { writeFieldsInto } from './field-map.ts'
import { type DocOrigin, localOrigin } from './origin.ts'
import { transactBoard } from './transact-board.ts'

/** Board-wide fields. Each is stored whole under its own key of the `board` map. */
export type BoardMeta = {
  title: string
  /** The schema the doc's records were written with (`flowmapSchema.serialize()`); null when unknown. */
  schema: SerializedSchema | null
  /** Lint rule ids the facilitator turned off for this board. */
  disabledLintRules: string[]
}

export const DEFAULT_BOARD_TITLE = 'Untitled board'

/** Reads the board fields, falling back to defaults for absent or malformed values. */
export function readBoard(doc: Y.Doc): BoardMeta {
  const board = boardMap(doc)
  const title = board.get('title')
  const schema = board.get('schema')
  const disabled = board.get('disabledLintRules')
  return {
    title: typeof title === 'string' ? title : DEFAULT_BOARD_TITLE,
    schema: isSerializedSchema(schema) ? schema : null,
    disabledLintRules: Array.isArray(disabled) ? disabled.filter((id) => typeof id === 'string') : [],
  }
}

/**
 * The title the doc holds, or null when it holds none yet (a board opened before its first sync):
 * unlike `readBoard`, which falls back to the default title, this tells "untitled" from "not known yet",
 * so a device never records the default over the title the server is about to send.
 */
export function readBoardTitle(doc: Y.Doc): string | null {
  const title = boardMap(doc).get('title')
  return typeof title === 'string' ? title : null
}

/** Writes the given fields only; others keep their value. */
export function writeBoard(doc: Y.Doc, patch: Partial<BoardMeta>, origin: DocOrigin = localOrigin): void {
  const board = boardMap(doc)
  transactBoard(doc, origin, () => {
    const fields: Record<string, unknown> = {}
    for (const key of board.keys()) fields[key] = board.get(key)
    Object.assign(fields, patch)
    writeFieldsInto(board, fields, NO_NESTED_FIELDS)
  })
}

/**
 * Calls `listener` after each transaction that changed the board fields. The origin is whatever the
 * writer passed: ours are `DocOrigin`s, a provider or Hocuspocus passes its own objects.
 */
export function observeBoard(doc: Y.Doc, listener: (board: BoardMeta, origin: unknown) => void): () => void {
  const board = boardMap(doc)
  const onChange = (_event: unknown, transaction: Y.Transaction) =>
    listener(readBoard(doc), transaction.origin)
  board.observe(onChange)
  return () => board.unobserve(onChange)
}

/** Whether a stored `schema` field is a serialized tldraw schema (the doc reader's check; null otherwise). */
export function isSerializedSchema(value: unknown): value is SerializedSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { schemaVersion?: unknown }).schemaVersion === 'number'
  )
}
