import type { DraftBounds, DraftContainer, DraftEdge, DraftNode, FlowDraft } from '../convert/flow-draft.ts'
import type { ImportReport } from '../convert/import-report.ts'

/** Small builders of `FlowDraft`s for converter tests: what a reader would produce, with defaults. */

export function emptyReport(format: ImportReport['format'] = 'mermaid'): ImportReport {
  return { format, writtenBy: null, elementCount: 0, mapped: [], keptAsNotes: [], notices: [] }
}

export function draftLane(
  id: string,
  init: { pool?: string | null; label?: string; roleId?: string | null; bounds?: DraftBounds | null } = {},
): DraftContainer {
  return {
    id,
    kind: 'lane',
    label: init.label ?? id,
    roleId: init.roleId ?? null,
    pool: init.pool ?? null,
    bounds: init.bounds ?? null,
    meta: {},
  }
}

export function draftStage(
  id: string,
  init: { pool?: string | null; label?: string; bounds?: DraftBounds | null } = {},
): DraftContainer {
  return { ...draftLane(id, init), kind: 'stage' }
}

type NodeInit = {
  containerId?: string | null
  label?: string
  bounds?: DraftBounds | null
  meta?: DraftNode['meta']
}

export function draftNode(id: string, kind: DraftNode['kind'] = 'step', init: NodeInit = {}): DraftNode {
  const base = {
    id,
    label: init.label ?? id,
    containerId: init.containerId ?? null,
    bounds: init.bounds ?? null,
    meta: init.meta ?? {},
  }
  switch (kind) {
    case 'step':
      return { ...base, kind, owner: null, automation: 'manual', description: '' }
    case 'event':
      return { ...base, kind, event: 'start' }
    case 'artifact':
      return { ...base, kind, artifact: 'document' }
    default:
      return { ...base, kind }
  }
}

export function draftEdge(
  id: string,
  from: string | null,
  to: string | null,
  init: Partial<Omit<DraftEdge, 'id' | 'from' | 'to'>> = {},
): DraftEdge {
  return { id, from, to, flow: 'sequence', branch: null, waypoints: null, meta: {}, ...init }
}

export function flowDraft(init: Partial<FlowDraft> = {}): FlowDraft {
  return { title: null, roles: [], containers: [], nodes: [], edges: [], report: emptyReport(), ...init }
}
