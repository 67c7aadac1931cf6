import { describe, expect, it } from 'vitest'
import { roleInitials, textColorOn } from './role-badge.ts'

describe('roleInitials', () => {
  it('takes the first letters of the first two words', () => {
    expect(roleInitials('Ops Team')).toBe('OT')
    expect(roleInitials('  ada   lovelace king ')).toBe('AL')
    expect(roleInitials('claims-bot')).toBe('CB')
  })
  it('takes two letters of a single word, and a placeholder for none', () => {
    expect(roleInitials('reviewer')).toBe('RE')
    expect(roleInitials('Ö')).toBe('Ö')
    expect(roleInitials('   ')).toBe('?')
  })
})

describe('textColorOn', () => {
  it('puts dark text on light colours and white text on dark ones', () => {
    expect(textColorOn('#ffd43b')).toBe('#1d1d1d')
    expect(textColorOn('#fff')).toBe('#1d1d1d')
    expect(textColorOn('#1c3d7a')).toBe('#ffffff')
    expect(textColorOn('teal')).toBe('#ffffff')
  })
})
