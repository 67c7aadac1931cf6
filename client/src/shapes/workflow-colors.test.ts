import { STEP_AUTOMATIONS, STEP_STATUSES } from '@flowmap/shared'
import { expect, test } from 'vitest'
import { contrastRatio } from './role-badge.ts'
import {
  automationColors,
  type ColorMode,
  cardInk,
  shapeSvgColors,
  statusColors,
  stepCardColors,
} from './workflow-colors.ts'

const MODES: readonly ColorMode[] = ['light', 'dark']
const AA = 4.5

test.each(MODES)('every badge of a step card reads at WCAG AA in %s mode', (mode) => {
  for (const status of STEP_STATUSES) {
    const { fill, text } = statusColors(status, mode)
    expect(contrastRatio(fill, text), `${status} badge`).toBeGreaterThanOrEqual(AA)
  }
  for (const automation of STEP_AUTOMATIONS) {
    const { fill, text } = automationColors(automation, mode)
    expect(contrastRatio(fill, text), `${automation} badge`).toBeGreaterThanOrEqual(AA)
  }
})

test.each(MODES)("a step card's label and owner read at WCAG AA on its paper in %s mode", (mode) => {
  const ink = cardInk(mode)
  for (const status of STEP_STATUSES) {
    const { fill } = stepCardColors(status, mode)
    expect(contrastRatio(fill, ink.label), `${status} label`).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(fill, ink.secondary), `${status} owner`).toBeGreaterThanOrEqual(AA)
  }
})

test('dark cards are dark paper with light ink, not light cards on a dark canvas', () => {
  for (const status of STEP_STATUSES) {
    expect(contrastRatio(stepCardColors(status, 'dark').fill, '#000000')).toBeLessThan(2)
  }
})

test.each(MODES)('exported decisions, artifacts and events read at WCAG AA in %s mode', (mode) => {
  const colors = shapeSvgColors(mode)
  expect(contrastRatio(colors.decision.fill, colors.decision.text)).toBeGreaterThanOrEqual(AA)
  for (const kind of ['document', 'data', 'system'] as const) {
    expect(contrastRatio(colors.artifact[kind].fill, colors.artifactLabel), kind).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(colors.artifact[kind].fill, colors.artifactKind), kind).toBeGreaterThanOrEqual(AA)
  }
  for (const kind of ['start', 'end'] as const) {
    expect(contrastRatio(colors.event[kind].fill, colors.event[kind].text), kind).toBeGreaterThanOrEqual(AA)
  }
})

test('an export takes the colours of its own mode', () => {
  expect(shapeSvgColors('light').decision.fill).toBe('#fff8e1')
  expect(shapeSvgColors('dark').decision.fill).toBe('#3a3116')
  expect(shapeSvgColors('dark').lane.label).not.toBe(shapeSvgColors('light').lane.label)
})
