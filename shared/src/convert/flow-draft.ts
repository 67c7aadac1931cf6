/**
 * The neutral form every importer reads its source into, before it becomes records: containers,
 * nodes and edges in the workflow vocabulary, with geometry where the source has it. BPMN and Mermaid
 * readers produce a draft; `draftToContent` lays out whatever has no geometry (elkjs) and builds the
 * records, so layout and record building are written once for every format.
 *
 * Ids are the source's own (BPMN element ids, Mermaid node ids); `draftToContent` makes record ids
 * from them. Geometry is absolute page coordinates, BPMNDI's convention.
 */
import type { ArtifactKind } from '../schema/artifact.ts'
import type { FlowKind } from '../schema/connector.ts'
import type { EventKind } from '../schema/event.ts'
import type { Role } from '../schema/role.ts'
import type { StepAutomation } from '../schema/step.ts'
import type { ImportReport } from './import-report.ts'

export type DraftBounds = { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

/** Values a record's `meta` may hold: what the source knew that the model has no field for. */
export type DraftMeta = Readonly<Record<string, string | number | boolean | null>>

/**
 * A lane (a row) or a stage (a column). Lanes of one pool (a BPMN participant, a Mermaid subgraph
 * group) share `pool`; the records get it as `meta.pool`, so they restack together. A lane's
 * `meta.stage` names the stage it sits in (its parent on the board, drawn inside it).
 */
export type DraftContainer = {
  readonly id: string
  readonly kind: 'lane' | 'stage'
  readonly label: string
  /** The role the lane stands for (an id in the draft's `roles`). */
  readonly roleId: string | null
  readonly pool: string | null
  readonly bounds: DraftBounds | null
  readonly meta: DraftMeta
}

type DraftNodeBase = {
  readonly id: string
  readonly label: string
  /** The lane or stage it sits in (an id in the draft's `containers`). */
  readonly containerId: string | null
  readonly bounds: DraftBounds | null
  /** e.g. `{ bpmnKind: 'parallelGateway' }`: kept so an export can write the same element back. */
  readonly meta: DraftMeta
}

export type DraftNode =
  | (DraftNodeBase & {
      readonly kind: 'step'
      readonly owner: string | null
      readonly automation: StepAutomation
      readonly description: string
    })
  | (DraftNodeBase & { readonly kind: 'decision' })
  | (DraftNodeBase & { readonly kind: 'event'; readonly event: EventKind })
  | (DraftNodeBase & { readonly kind: 'artifact'; readonly artifact: ArtifactKind })
  /**
   * A sticky note: a text annotation, or an element with no Flowmap counterpart (the report says which).
   * `meta.nearNodeId` names the node it belongs by (else its first edge's other end); the layout sets it there.
   */
  | (DraftNodeBase & { readonly kind: 'note' })

export type DraftNodeKind = DraftNode['kind']

/** A connector; a loose end (a BPMN flow into an element that was not kept) is null. */
export type DraftEdge = {
  readonly id: string
  readonly from: string | null
  readonly to: string | null
  readonly flow: FlowKind
  /** The branch label of an edge leaving a decision. */
  readonly branch: string | null
  /** Bend points from the source's diagram, absolute. */
  readonly waypoints: readonly { readonly x: number; readonly y: number }[] | null
  readonly meta: DraftMeta
}

export type FlowDraft = {
  readonly title: string | null
  readonly roles: readonly Role[]
  readonly containers: readonly DraftContainer[]
  readonly nodes: readonly DraftNode[]
  readonly edges: readonly DraftEdge[]
  readonly report: ImportReport
}

/** A reader's answer: a draft, or a sentence naming what is wrong with the file (nothing was written). */
export type DraftRead = { ok: true; draft: FlowDraft } | { ok: false; reason: string }
