/**
 * How a workflow card reads at a zoom. At and above LEGIBLE_ZOOM a card shows all its details; below it
 * the details (badges, footer: 10.5–11.5 page px) are too small to read, so the card turns into an
 * overview: its owner's colour as a band, its status as a dot, and its label set large enough to stay
 * readable on screen. The label size changes in a few steps, not with every zoom change: a card
 * re-renders only when the zoom crosses a step, so zooming a board of thousands of cards costs no
 * more than tldraw's own work.
 */

/** The zoom from which a step's 15 px label is at least ~11 screen px and its details are drawn. */
export const LEGIBLE_ZOOM = 0.75

/** The smallest label an overview card aims for, in screen pixels. */
export const MIN_OVERVIEW_LABEL_SCREEN_PX = 12

/**
 * The zooms at which the overview label grows, largest first. Between two of them the label keeps the
 * size that is readable at the lower one, so it is never under MIN_OVERVIEW_LABEL_SCREEN_PX there.
 */
const OVERVIEW_ZOOM_STEPS = [0.5, 0.4, 0.3] as const

export type CardMode = { kind: 'detailed' } | { kind: 'overview'; labelSize: number }

/**
 * The card mode at a zoom. `maxLabelSize` (page px) is the largest label that still fits the card:
 * below the smallest zoom step the label keeps that size and shrinks on screen with the card.
 */
export function cardModeAt(zoom: number, maxLabelSize: number): CardMode {
  if (!(zoom < LEGIBLE_ZOOM)) return { kind: 'detailed' }
  const step = OVERVIEW_ZOOM_STEPS.find((floor) => zoom >= floor) ?? OVERVIEW_ZOOM_STEPS.at(-1)!
  return {
    kind: 'overview',
    labelSize: Math.min(maxLabelSize, Math.ceil(MIN_OVERVIEW_LABEL_SCREEN_PX / step)),
  }
}

/** The overview label size at a zoom, or null when the card shows its details: a primitive for useValue. */
export function overviewLabelSize(zoom: number, maxLabelSize: number): number | null {
  const mode = cardModeAt(zoom, maxLabelSize)
  return mode.kind === 'overview' ? mode.labelSize : null
}

/** Largest overview labels that fit the default cards (220×120 step, the 62 % text box of a 180×130 decision). */
export const STEP_OVERVIEW_MAX_LABEL = 40
export const DECISION_OVERVIEW_MAX_LABEL = 28
