/**
 * The `%% flowmap:` comment lines of Flowmap's Mermaid dialect (docs/mermaid-dialect.md): what a
 * board holds that Mermaid has no notion of (roles, owners, a lane's role, stages, start or end,
 * sticky notes, connectors with a loose end). Mermaid reads them as comments and draws nothing, so the
 * file stays a plain flowchart; Flowmap's import reads them back, so its own round trip keeps them.
 *
 *   %% flowmap: <what> [<mermaid id>] <JSON object>
 */
import { T } from '@tldraw/validate'
import { FLOW_KINDS, type FlowKind } from '../../schema/connector.ts'
import { EVENT_KINDS, type EventKind } from '../../schema/event.ts'
import { type Role, roleValidator } from '../../schema/role.ts'
import { STEP_AUTOMATIONS, type StepAutomation } from '../../schema/step.ts'
import { describeValidationFailure } from '../../schema/validation-failure.ts'

export type FlowmapComment =
  | { readonly what: 'role'; readonly role: Role }
  | {
      readonly what: 'lane'
      readonly id: string
      readonly roleId: string | null
      readonly pool: string | null
    }
  | { readonly what: 'stage'; readonly id: string; readonly order: number; readonly pool: string | null }
  | {
      readonly what: 'step'
      readonly id: string
      readonly owner: string | null
      readonly automation: StepAutomation
      readonly description: string
    }
  | { readonly what: 'event'; readonly id: string; readonly event: EventKind }
  /** A sticky note, in the lane or stage with Mermaid id `container`. */
  | { readonly what: 'note'; readonly id: string; readonly label: string; readonly container: string | null }
  /** A connector Mermaid cannot draw: one end loose, or at a note. */
  | {
      readonly what: 'connector'
      readonly id: string
      readonly from: string | null
      readonly to: string | null
      readonly flow: FlowKind
      readonly branch: string | null
    }

export type FlowmapCommentWhat = FlowmapComment['what']

const nullableString = T.string.nullable()

const FIELDS = {
  lane: T.object({ roleId: nullableString, pool: nullableString }),
  stage: T.object({ order: T.number, pool: nullableString }),
  step: T.object({
    owner: nullableString,
    automation: T.literalEnum(...STEP_AUTOMATIONS),
    description: T.string,
  }),
  event: T.object({ event: T.literalEnum(...EVENT_KINDS) }),
  note: T.object({ label: T.string, container: nullableString }),
  connector: T.object({
    from: nullableString,
    to: nullableString,
    flow: T.literalEnum(...FLOW_KINDS),
    branch: nullableString,
  }),
}

type FieldsOf<W extends keyof typeof FIELDS> = T.TypeOf<(typeof FIELDS)[W]>

const ID = /^[A-Za-z0-9_]+$/

export type FlowmapCommentRead = { ok: true; comment: FlowmapComment } | { ok: false; reason: string }

/** Reads what follows `%% flowmap:`; a reason when it is not a comment this dialect writes. */
export function readFlowmapComment(text: string): FlowmapCommentRead {
  const space = text.indexOf(' ')
  const what = space === -1 ? text : text.slice(0, space)
  let rest = space === -1 ? '' : text.slice(space + 1).trim()
  let id: string | null = null
  if (what !== 'role') {
    const idEnd = rest.indexOf(' ')
    id = idEnd === -1 ? rest : rest.slice(0, idEnd)
    rest = idEnd === -1 ? '' : rest.slice(idEnd + 1).trim()
    if (!ID.test(id)) return { ok: false, reason: `'${id}' is not a Mermaid id` }
  }
  let fields: unknown
  try {
    fields = JSON.parse(rest)
  } catch {
    return { ok: false, reason: 'its fields are not a JSON object' }
  }
  try {
    if (what === 'role') return { ok: true, comment: { what, role: roleValidator.validate(fields) } }
    if (Object.hasOwn(FIELDS, what)) {
      const kind = what as keyof typeof FIELDS
      const checked = FIELDS[kind].validate(fields)
      return { ok: true, comment: { what: kind, id: id!, ...checked } as FlowmapComment }
    }
  } catch (error) {
    const { field, reason } = describeValidationFailure(error)
    return { ok: false, reason: `${field} ${reason}` }
  }
  return { ok: false, reason: `'${what}' is not something Flowmap writes there` }
}

/**
 * The comment line for `comment`. `%` is written as `\u0025` in the JSON, so no `%%{ … }%%`
 * directive stands anywhere in an export: Mermaid applies one found inside a label (which is why
 * labels write `%` as a code), and comments are kept out of the question the same way.
 */
export function flowmapCommentLine(comment: FlowmapComment): string {
  const { what } = comment
  let fields: unknown
  let id = ''
  if (comment.what === 'role') {
    fields = comment.role
  } else {
    const { what: _what, id: commentId, ...rest } = comment
    id = ` ${commentId}`
    fields = rest satisfies FieldsOf<typeof comment.what>
  }
  return `%% flowmap: ${what}${id} ${JSON.stringify(fields).replaceAll('%', '\\u0025')}`
}
