/**
 * What must hold once every client is online and quiet. Each check answers a list of problems (empty when
 * it holds), so one report can name everything that went wrong in a run.
 */
import {
  countRawEntries,
  findBoardRepairs,
  readBoard,
  readRecords,
  readRoles,
  validateRecord,
} from '@flowmap/shared'
import * as Y from 'yjs'
import type { EditLedger } from './fuzz-operations.ts'

export interface NamedDoc {
  name: string
  doc: Y.Doc
}

/**
 * Byte-identical state vectors and full states, and the same records, roles and board fields.
 *
 * The full state is compared re-encoded by a fresh doc: Yjs replaces deleted content by GC structs and
 * merges neighbouring ones only when a later transaction touches them, so two docs holding the very
 * same items and delete set can encode their garbage in a different number of pieces (seen here:
 * 74 vs 88 GC structs, all else equal). A fresh doc that applies either state encodes both alike.
 */
export function divergence(docs: readonly NamedDoc[]): string[] {
  const [reference, ...others] = docs
  if (reference === undefined) return []
  const problems: string[] = []
  const view = (doc: Y.Doc) => ({
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
    state: Buffer.from(canonicalState(doc)).toString('base64'),
    records: canonicalJson(readRecords(doc).sort((a, b) => (a.id < b.id ? -1 : 1))),
    roles: canonicalJson(readRoles(doc)),
    board: canonicalJson(readBoard(doc)),
  })
  const expected = view(reference.doc)
  for (const other of others) {
    const actual = view(other.doc)
    for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
      if (actual[key] !== expected[key])
        problems.push(`${other.name}'s ${key} differs from ${reference.name}'s`)
    }
    if (actual.records !== expected.records) problems.push(...recordDifferences(reference, other))
  }
  return problems
}

/** Which records two docs disagree on, and how, so a divergence report says what diverged. */
function recordDifferences(a: NamedDoc, b: NamedDoc): string[] {
  const byId = (doc: Y.Doc) =>
    new Map(readRecords(doc).map((record) => [record.id as string, canonicalJson(record)]))
  const left = byId(a.doc)
  const right = byId(b.doc)
  const lines: string[] = []
  for (const [id, json] of left) {
    const other = right.get(id)
    if (other === undefined) lines.push(`  ${id} only in ${a.name}: ${json}`)
    else if (other !== json) lines.push(`  ${id} differs: ${a.name} ${json} / ${b.name} ${other}`)
  }
  for (const [id, json] of right) if (!left.has(id)) lines.push(`  ${id} only in ${b.name}: ${json}`)
  return lines
}

/** Every record validates, and the deterministic repair finds nothing left to fix. */
export function unsoundness(doc: Y.Doc): string[] {
  const problems: string[] = []
  const records = readRecords(doc)
  const schema = readBoard(doc).schema
  for (const record of records) {
    const checked = validateRecord(record, { schema })
    if (!checked.ok) problems.push(`invalid record: ${checked.error.message}`)
  }
  for (const repair of findBoardRepairs(records).repairs) {
    problems.push(`unrepaired: ${repair.recordId} ${repair.problem} (${repair.detail})`)
  }
  return problems
}

/**
 * The content oracle: what was created and never deleted exists, nothing exists that nobody created,
 * and every field holds a value someone wrote to it.
 */
export function contentViolations(doc: Y.Doc, ledger: EditLedger): string[] {
  const problems: string[] = []
  const records = readRecords(doc)
  const present = new Set(records.map((record) => record.id as string))
  for (const id of ledger.createdRecords) {
    if (!ledger.deletedRecords.has(id) && !present.has(id)) problems.push(`record ${id} was lost`)
  }
  for (const record of records) {
    if (!ledger.createdRecords.has(record.id)) problems.push(`record ${record.id} was never created`)
    for (const [key, value] of Object.entries(record)) {
      if ((key === 'props' || key === 'meta') && typeof value === 'object' && value !== null) {
        for (const [nested, nestedValue] of Object.entries(value)) {
          const field = `${record.id} ${key}.${nested}`
          if (!ledger.wasWritten(field, nestedValue))
            problems.push(`${field} = ${JSON.stringify(nestedValue)}, never written`)
        }
      } else if (!ledger.wasWritten(`${record.id} ${key}`, value)) {
        problems.push(`${record.id} ${key} = ${JSON.stringify(value)}, never written`)
      }
    }
  }
  const roles = readRoles(doc)
  const roleIds = new Set(roles.map((role) => role.id))
  if (roles.length !== countRawEntries(doc).roles) problems.push('a roles entry is not a valid role')
  for (const id of ledger.createdRoles) {
    if (!ledger.deletedRoles.has(id) && !roleIds.has(id)) problems.push(`role ${id} was lost`)
  }
  for (const role of roles) {
    if (!ledger.createdRoles.has(role.id)) problems.push(`role ${role.id} was never created`)
    for (const [key, value] of Object.entries(role)) {
      if (!ledger.wasWritten(`${role.id} role.${key}`, value)) {
        problems.push(`role ${role.id} ${key} = ${JSON.stringify(value)}, never written`)
      }
    }
  }
  const title = readBoard(doc).title
  if (!ledger.titles.has(title)) problems.push(`title "${title}" was never written`)
  return problems
}

/** JSON with object keys sorted: a Y.Map's key order depends on the order updates arrived in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    typeof nested === 'object' && nested !== null && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : 1)))
      : nested,
  )
}

/** The doc's full state as a fresh doc encodes it after applying it (see `divergence`). */
export function canonicalState(doc: Y.Doc): Uint8Array {
  const fresh = new Y.Doc()
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc))
  const state = Y.encodeStateAsUpdate(fresh)
  fresh.destroy()
  return state
}
