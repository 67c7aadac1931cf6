import { expect, test } from 'vitest'
import { MAX_ID_CHARS, MAX_ROLE_COLOR_CHARS, MAX_ROLE_NAME_CHARS } from './limits.ts'
import { isHumanRole, validateRole, validateRoleWrite } from './role.ts'

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

test('a written role is held to the size limits, naming the field and both numbers', () => {
  const role = { id: 'role:x', name: 'X', color: '#123', kind: 'team' as const }
  expect(validateRoleWrite(role)).toEqual({ ok: true, role })
  expect(validateRoleWrite({ ...role, name: 'n'.repeat(MAX_ROLE_NAME_CHARS) }).ok).toBe(true)
  expect(validateRoleWrite({ ...role, name: 'n'.repeat(3_000_000) })).toMatchObject({
    ok: false,
    error: {
      field: 'name',
      message: `role role:x: name is 3,000,000 characters; at most ${MAX_ROLE_NAME_CHARS}`,
    },
  })
  expect(validateRoleWrite({ ...role, color: 'c'.repeat(MAX_ROLE_COLOR_CHARS + 1) })).toMatchObject({
    ok: false,
    error: { field: 'color' },
  })
  const longId = `role:${'i'.repeat(MAX_ID_CHARS)}`
  const refused = validateRoleWrite({ ...role, id: longId })
  expect(refused).toMatchObject({ ok: false, error: { field: 'id' } })
  expect(refused.ok ? '' : refused.error.message.length).toBeLessThan(120)
})

test('reading stays lenient and a write of other fields passes: a long name stored before the limits still shows', () => {
  const stored = {
    id: 'role:x',
    name: 'n'.repeat(MAX_ROLE_NAME_CHARS + 1),
    color: '#123',
    kind: 'team' as const,
  }
  expect(validateRole(stored).ok).toBe(true)
  expect(validateRoleWrite(stored, new Set(['color'])).ok).toBe(true)
  expect(validateRoleWrite(stored, new Set(['name'])).ok).toBe(false)
})

test('a capacity is a whole number of cases at once, 1 to 10,000, or absent (unbounded)', () => {
  const role = { id: 'role:x', name: 'X', color: '#123', kind: 'team' as const }
  expect(validateRole({ ...role, capacity: 3 })).toEqual({ ok: true, role: { ...role, capacity: 3 } })
  expect(validateRole(role).ok).toBe(true)
  expect(validateRole({ ...role, capacity: 0 })).toMatchObject({ ok: false, error: { field: 'capacity' } })
  expect(validateRole({ ...role, capacity: 2.5 })).toMatchObject({ ok: false, error: { field: 'capacity' } })
})

test('people and teams are human roles; systems and AI agents are not', () => {
  expect(['person', 'team', 'system', 'ai-agent'].map((kind) => isHumanRole({ kind } as never))).toEqual([
    true,
    true,
    false,
    false,
  ])
})
