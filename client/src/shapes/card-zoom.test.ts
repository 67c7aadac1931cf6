import { describe, expect, it } from 'vitest'
import {
  cardModeAt,
  LEGIBLE_ZOOM,
  MIN_OVERVIEW_LABEL_SCREEN_PX,
  overviewLabelSize,
  STEP_OVERVIEW_MAX_LABEL,
} from './card-zoom.ts'

/** Zooms from 0.05 to 8 in small steps, with the boundaries themselves. */
const ZOOMS = [...Array.from({ length: 800 }, (_, i) => 0.05 + i * 0.01), LEGIBLE_ZOOM, 0.5, 0.4, 0.3]

describe('cardModeAt', () => {
  it('shows every detail from the legible zoom up, and the overview below it', () => {
    for (const zoom of ZOOMS) {
      expect(cardModeAt(zoom, STEP_OVERVIEW_MAX_LABEL).kind).toBe(
        zoom >= LEGIBLE_ZOOM ? 'detailed' : 'overview',
      )
    }
  })

  it('zoom-to-fit of a usual map (55 %) gets the overview card with a label of at least 11 screen px', () => {
    const size = overviewLabelSize(0.55, STEP_OVERVIEW_MAX_LABEL)
    expect(size).not.toBeNull()
    expect(size! * 0.55).toBeGreaterThanOrEqual(11)
  })

  it('keeps the overview label readable on screen wherever it fits the card', () => {
    for (const zoom of ZOOMS.filter((z) => z < LEGIBLE_ZOOM && z >= 0.3)) {
      expect(overviewLabelSize(zoom, STEP_OVERVIEW_MAX_LABEL)! * zoom).toBeGreaterThanOrEqual(
        MIN_OVERVIEW_LABEL_SCREEN_PX,
      )
    }
  })

  it('never makes the label larger than the card holds, and grows it as one zooms out', () => {
    let previous = 0
    for (const zoom of ZOOMS.filter((z) => z < LEGIBLE_ZOOM).sort((a, b) => b - a)) {
      const size = overviewLabelSize(zoom, 28)!
      expect(size).toBeLessThanOrEqual(28)
      expect(size).toBeGreaterThanOrEqual(previous)
      previous = size
    }
  })

  it('changes the label size in a few steps only, so zooming re-renders a card only a few times', () => {
    const sizes = new Set(ZOOMS.map((zoom) => overviewLabelSize(zoom, STEP_OVERVIEW_MAX_LABEL)))
    expect(sizes.size).toBeLessThanOrEqual(4)
  })

  it('treats a zoom that is not a number as legible rather than hiding details', () => {
    expect(cardModeAt(Number.NaN, STEP_OVERVIEW_MAX_LABEL).kind).toBe('detailed')
  })
})
