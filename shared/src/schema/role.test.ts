import { expect, test } from 'vitest'
import { validateRole } from './role.ts'

test('a role with every kind is valid', () => {
  for (const kind of ['person', 'team', 'system', 'ai-agent'] as const) {
    const role = { id: 'role:x', name: 'X', color: '#123', kind }
    expect(validateRole(role)).toEqual({ ok: true, role })
  }
})

test('an invalid role names the role, the field and the reason', () => {
  expect(validateRole({ id: 'role:x', name: 'X', color: '#123', kind: 'wizard' })).toEqual({
    ok: false,
    error: {
      roleId: 'role:x',
      field: 'kind',
      reason: 'must be one of person|team|system|ai-agent, got wizard',
      message: 'role role:x: kind must be one of person|team|system|ai-agent, got wizard',
    },
  })
  const missing = validateRole({ id: 'role:y', color: '#123', kind: 'team' })
  expect(missing).toMatchObject({
    ok: false,
    error: { field: 'name', message: 'role role:y: name is missing (expected a string)' },
  })
  expect(validateRole({ id: '', name: 'X', color: '#123', kind: 'team' })).toMatchObject({
    ok: false,
    error: { field: 'id', message: 'role (no id): id is invalid: must not be empty' },
  })
  expect(validateRole(null)).toMatchObject({ ok: false, error: { roleId: null } })
})
