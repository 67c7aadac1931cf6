import { ARTIFACT_KINDS, EVENT_KINDS, ROLE_KINDS, STEP_AUTOMATIONS, STEP_STATUSES } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import {
  ARTIFACT_KIND_OPTIONS,
  AUTOMATION_OPTIONS,
  EVENT_KIND_OPTIONS,
  formatHours,
  ROLE_KIND_OPTIONS,
  STATUS_OPTIONS,
} from './workflow-vocabulary.ts'

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

  it('offer every artifact, event and role kind of the model, in its order, each with a word', () => {
    const lists = [
      [ARTIFACT_KIND_OPTIONS, ARTIFACT_KINDS],
      [EVENT_KIND_OPTIONS, EVENT_KINDS],
      [ROLE_KIND_OPTIONS, ROLE_KINDS],
    ] as const
    for (const [options, values] of lists) {
      expect(options.map((option) => option.value)).toEqual([...values])
      for (const option of options) expect(option.label).not.toBe('')
    }
  })
})
