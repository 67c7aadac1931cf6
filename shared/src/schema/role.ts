import { T } from '@tldraw/validate'
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
})

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
