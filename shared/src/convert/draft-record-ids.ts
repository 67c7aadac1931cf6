/**
 * Record ids for a draft's elements, derived from the source's ids so an import of the same file
 * gives the same records (and an export can write the source's ids back): `shape:<source id>`, except
 * that an id too long for the limits is shortened to a prefix and a hash of the whole, and a second
 * element with the same id (a Mermaid subgraph named like a node) gets `-2`, `-3`… in draft order.
 */
import { MAX_ID_CHARS } from '../schema/limits.ts'
import type { FlowDraft } from './flow-draft.ts'

/**
 * The longest source id kept whole. A connector's bindings are named `binding:<arrow>-start`, the
 * longest id made from one, so this leaves room for that and for a `-<n>` suffix.
 */
const MAX_KEPT_CHARS = MAX_ID_CHARS - 'binding:'.length - '-start'.length - 8
const HASHED_PREFIX_CHARS = MAX_KEPT_CHARS - 9

/** FNV-1a, 32 bits: a short, stable fingerprint of a long id (not a security measure). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

function shortened(id: string): string {
  if (id === '') return 'element'
  return id.length <= MAX_KEPT_CHARS ? id : `${id.slice(0, HASHED_PREFIX_CHARS)}-${fingerprint(id)}`
}

export type DraftRecordIds = {
  readonly container: ReadonlyMap<string, string>
  readonly node: ReadonlyMap<string, string>
  readonly edge: ReadonlyMap<string, string>
}

/** The bare id (no `shape:` prefix) of every container, node and edge; unique across all three. */
export function draftRecordIds(draft: FlowDraft): DraftRecordIds {
  const used = new Set<string>()
  const take = (sourceId: string) => {
    const base = shortened(sourceId)
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    return id
  }
  const idsOf = (elements: readonly { id: string }[]) => {
    const ids = new Map<string, string>()
    for (const element of elements) if (!ids.has(element.id)) ids.set(element.id, take(element.id))
    return ids
  }
  return { container: idsOf(draft.containers), node: idsOf(draft.nodes), edge: idsOf(draft.edges) }
}
