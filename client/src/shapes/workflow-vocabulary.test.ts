import { STEP_AUTOMATIONS, STEP_STATUSES } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { AUTOMATION_OPTIONS, formatHours, STATUS_OPTIONS } from './workflow-vocabulary.ts'

describe('formatHours', () => {
  it('shows hours, and whole or half working days from a day up', () => {
    expect(formatHours(0.5)).toBe('0.5h')
    expect(formatHours(4)).toBe('4h')
    expect(formatHours(8)).toBe('1d')
    expect(formatHours(12)).toBe('1.5d')
    expect(formatHours(10)).toBe('10h')
    expect(formatHours(1 / 3)).toBe('0.33h')
  })
})

describe('option lists', () => {
  it('offer every status and automation level of the model, in its order', () => {
    expect(STATUS_OPTIONS.map((option) => option.value)).toEqual([...STEP_STATUSES])
    expect(AUTOMATION_OPTIONS.map((option) => option.value)).toEqual([...STEP_AUTOMATIONS])
  })
})
