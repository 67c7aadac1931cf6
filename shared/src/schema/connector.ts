import { T } from '@tldraw/validate'

/**
 * Connectors are tldraw `arrow` shapes; what they mean lives in their `meta`, so tldraw's own arrow
 * props and migrations stay untouched.
 */
export const FLOW_KINDS = ['sequence', 'dependency', 'information'] as const
export type FlowKind = (typeof FLOW_KINDS)[number]

/** An arrow without `meta.flow` is a sequence flow: the arrow a user draws first means "then". */
export const DEFAULT_FLOW_KIND: FlowKind = 'sequence'

/**
 * Checks the connector keys of an arrow's meta. Other meta keys are allowed: tldraw and other tools
 * may stamp their own.
 */
export const connectorMetaValidator = T.object({
  flow: T.literalEnum(...FLOW_KINDS).optional(),
  /** The branch label of an arrow leaving a decision ("yes", "approved", ...). */
  branch: T.string.optional(),
  /**
   * How often a case takes this branch of a decision, 0 to 1 (the walk-through and the lead-time
   * simulation draw from it; branches without one share what the others leave).
   */
  probability: T.number
    .check('probability', (value) => {
      if (!(value >= 0 && value <= 1)) throw new Error(`must be from 0 to 1, got ${value}`)
    })
    .optional(),
}).allowUnknownProperties()

export type ConnectorMeta = { flow: FlowKind; branch: string | null; probability: number | null }

const flowKindSet: ReadonlySet<unknown> = new Set(FLOW_KINDS)

/** Reads connector meta leniently: an unknown flow falls back to sequence, an empty branch is none. */
export function readConnectorMeta(meta: unknown): ConnectorMeta {
  const fields = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
  const flow = flowKindSet.has(fields.flow) ? (fields.flow as FlowKind) : DEFAULT_FLOW_KIND
  const branch = typeof fields.branch === 'string' && fields.branch.trim() !== '' ? fields.branch : null
  const p = fields.probability
  const probability = typeof p === 'number' && p >= 0 && p <= 1 ? p : null
  return { flow, branch, probability }
}
