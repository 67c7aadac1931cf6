import { describe, expect, it } from 'vitest'
import { newRoleId, nextRoleColor, ROLE_PALETTE } from './role-palette.ts'

describe('nextRoleColor', () => {
  it('picks the first colour nobody uses, ignoring case', () => {
    expect(nextRoleColor([])).toBe(ROLE_PALETTE[0])
    expect(nextRoleColor([{ color: ROLE_PALETTE[0].toUpperCase() }])).toBe(ROLE_PALETTE[1])
  })
  it('cycles through the palette once every colour is taken', () => {
    const all = ROLE_PALETTE.map((color) => ({ color }))
    expect(nextRoleColor(all)).toBe(ROLE_PALETTE[0])
    expect(nextRoleColor([...all, { color: '#000' }])).toBe(ROLE_PALETTE[1])
  })
})

describe('newRoleId', () => {
  it('makes distinct ids with a role: prefix', () => {
    const id = newRoleId()
    expect(id).toMatch(/^role:[0-9a-f-]{36}$/)
    expect(newRoleId()).not.toBe(id)
  })
})
