import { T } from '@tldraw/validate'
import { firstLimitFailure, type StringLimits, type WrittenFields } from './field-limits.ts'
import { MAX_ID_CHARS, MAX_ROLE_COLOR_CHARS, MAX_ROLE_NAME_CHARS } from './limits.ts'
import { describeValidationFailure } from './validation-failure.ts'

/** The kinds of participant a step can be owned by. */
export const ROLE_KINDS = ['person', 'team', 'system', 'ai-agent'] as const
export type RoleKind = (typeof ROLE_KINDS)[number]

export const roleValidator = T.object({
  id: T.string.check('non-empty', (id) => {
    if (id === '') throw new Error('must not be empty')
  }),
  name: T.string,
  /** Any CSS colour; the UI picks from a palette but other tools may write others. */
  color: T.string,
  kind: T.literalEnum(...ROLE_KINDS),
  /**
   * How many cases the role works on at once (people in a team, a system's workers); absent means
   * unbounded. The lead-time simulation queues work at a role that is at capacity.
   */
  capacity: T.integer
    .check('capacity', (value) => {
      if (value < 1 || value > 10_000)
        throw new Error(`must be a whole number from 1 to 10,000, got ${value}`)
    })
    .optional(),
})

/** Roles that stand for people (a person or a team), as against a system or an AI agent. */
export function isHumanRole(role: Pick<Role, 'kind'>): boolean {
  return role.kind === 'person' || role.kind === 'team'
}

export type Role = T.TypeOf<typeof roleValidator>

export type RoleValidationError = {
  roleId: string | null
  field: string
  reason: string
  message: string
}

export type RoleValidation = { ok: true; role: Role } | { ok: false; error: RoleValidationError }

export function validateRole(role: unknown): RoleValidation {
  try {
    return { ok: true, role: roleValidator.validate(role) }
  } catch (error) {
    const roleId =
      typeof role === 'object' && role !== null && typeof (role as { id?: unknown }).id === 'string'
        ? (role as { id: string }).id
        : null
    const { field, reason } = describeValidationFailure(error)
    return {
      ok: false,
      error: { roleId, field, reason, message: `role ${roleId || '(no id)'}: ${field} ${reason}` },
    }
  }
}

const ROLE_LIMITS: StringLimits = { id: MAX_ID_CHARS, name: MAX_ROLE_NAME_CHARS, color: MAX_ROLE_COLOR_CHARS }

/**
 * Checks a role as it is written: the validator's types plus the size limits of the fields written
 * (limits.ts). Reading stays lenient (`validateRole`), so a role stored before the limits still shows.
 */
export function validateRoleWrite(role: unknown, written: WrittenFields = 'whole'): RoleValidation {
  const checked = validateRole(role)
  if (!checked.ok) return checked
  const failure = firstLimitFailure(checked.role, ROLE_LIMITS, written)
  if (failure === null) return checked
  const roleId = checked.role.id.length > MAX_ID_CHARS ? `${checked.role.id.slice(0, 40)}…` : checked.role.id
  return {
    ok: false,
    error: {
      roleId,
      field: failure.field,
      reason: failure.reason,
      message: `role ${roleId}: ${failure.field} ${failure.reason}`,
    },
  }
}
