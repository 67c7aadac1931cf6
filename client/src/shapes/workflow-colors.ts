import type { StepAutomation, StepStatus } from '@flowmap/shared'

// Card and badge colours, in one place for the canvas (inline styles) and for SVG exports, one set per
// colour mode (tldraw's: the canvas reads it from the editor, an export from its own context). Badge
// text keeps at least 4.5:1 against its badge in both modes.

export type ColorMode = 'light' | 'dark'
export type BadgeColors = { readonly fill: string; readonly text: string }

const STATUS_PALETTES: Record<ColorMode, Record<StepStatus, BadgeColors>> = {
  light: {
    todo: { fill: '#eef0f3', text: '#495057' },
    doing: { fill: '#e7efff', text: '#1c4fc7' },
    done: { fill: '#e3f6e6', text: '#1f7a32' },
    blocked: { fill: '#ffe8e8', text: '#c92a2a' },
  },
  dark: {
    todo: { fill: '#2f333c', text: '#d0d5dd' },
    doing: { fill: '#1f3157', text: '#a9c6ff' },
    done: { fill: '#1c3a26', text: '#8ce99a' },
    blocked: { fill: '#4a2022', text: '#ffb0b0' },
  },
}

const AUTOMATION_PALETTES: Record<ColorMode, Record<StepAutomation, BadgeColors>> = {
  light: {
    manual: { fill: '#f3f4f6', text: '#5c6578' },
    assisted: { fill: '#f4f1fb', text: '#5f3dc4' },
    automated: { fill: '#e6f6f8', text: '#0b7285' },
    'ai-agent': { fill: '#f6ecff', text: '#9c36b5' },
  },
  dark: {
    manual: { fill: '#2c3038', text: '#c4cad3' },
    assisted: { fill: '#2e2850', text: '#c5b8fa' },
    automated: { fill: '#153c42', text: '#86dce6' },
    'ai-agent': { fill: '#3c244b', text: '#e8b3f8' },
  },
}

/** The light set, as exports and other callers without a colour mode have always drawn them. */
export const STATUS_COLORS = STATUS_PALETTES.light
export const AUTOMATION_COLORS = AUTOMATION_PALETTES.light

export function statusColors(status: StepStatus, mode: ColorMode): BadgeColors {
  return STATUS_PALETTES[mode][status]
}

export function automationColors(automation: StepAutomation, mode: ColorMode): BadgeColors {
  return AUTOMATION_PALETTES[mode][automation]
}

/** A step card's paper and edge: done cards turn faintly green, blocked ones get a red edge. */
export function stepCardColors(
  status: StepStatus,
  mode: ColorMode = 'light',
): { fill: string; stroke: string } {
  if (mode === 'dark') {
    return {
      fill: status === 'done' ? '#1f2b24' : '#23262d',
      stroke: status === 'blocked' ? '#e06666' : '#434956',
    }
  }
  return {
    fill: status === 'done' ? '#f4fbf5' : '#ffffff',
    stroke: status === 'blocked' ? '#f08080' : '#cfd5df',
  }
}

/** A card's ink: its label, its secondary text (owner, estimate) and what is missing (no owner). */
export type CardInk = {
  readonly label: string
  readonly secondary: string
  readonly missing: string
  readonly pill: string
}

const CARD_INK: Record<ColorMode, CardInk> = {
  light: { label: '#1d2433', secondary: '#5c6578', missing: '#a0a7b4', pill: '#f1f3f5' },
  dark: { label: '#eef0f4', secondary: '#b4bbc7', missing: '#8a919e', pill: '#2f333c' },
}

export function cardInk(mode: ColorMode): CardInk {
  return CARD_INK[mode]
}

/** A colour in both modes: the palette below reads as one table, each colour next to its dark twin. */
type ModePair = { readonly light: string; readonly dark: string }
const pair = (light: string, dark: string): ModePair => ({ light, dark })

/** A table of ModePairs with each pair replaced by its colour in one mode. */
type InMode<T> = T extends ModePair
  ? string
  : T extends number
    ? number
    : { readonly [K in keyof T]: InMode<T[K]> }

function inMode<T>(table: T, mode: ColorMode): InMode<T> {
  const entries = Object.entries(table as Record<string, unknown>).map(([key, value]) => {
    const isPair = typeof value === 'object' && value !== null && 'light' in value && 'dark' in value
    return [key, isPair ? (value as ModePair)[mode] : inMode(value, mode)]
  })
  return Object.fromEntries(entries) as InMode<T>
}

/**
 * Decisions, artifacts, events, stages and lanes in SVG exports. The canvas draws the same colours
 * from workflow-shapes.css (light rules, and `.tl-theme__dark` ones): keep the two in step.
 */
const SHAPE_SVG_COLORS = {
  decision: {
    fill: pair('#fff8e1', '#3a3116'),
    stroke: pair('#e0a800', '#d9a400'),
    text: pair('#5c4400', '#ffe08a'),
  },
  artifact: {
    document: { fill: pair('#f3f9ff', '#1b2a3d'), stroke: pair('#4a7ab8', '#74a3e0') },
    data: { fill: pair('#f1fbf6', '#17302a'), stroke: pair('#2b8a5e', '#4fc08d') },
    system: { fill: pair('#f7f5ff', '#27223f'), stroke: pair('#6a55c2', '#9d8cf0') },
  },
  artifactKind: pair('#5c6578', '#b4bbc7'),
  artifactLabel: pair('#1d2433', '#eef0f4'),
  event: {
    start: {
      fill: pair('#effaf1', '#17301d'),
      stroke: pair('#2f9e44', '#40c057'),
      text: pair('#2b7a3b', '#8ce99a'),
    },
    end: {
      fill: pair('#fff0f0', '#3a1a1a'),
      stroke: pair('#a61e1e', '#e35d5d'),
      text: pair('#a61e1e', '#ffa8a8'),
    },
  },
  eventLabel: pair('#343a40', '#dee2e6'),
  stage: {
    body: pair('#edf1f8', '#ffffff'),
    header: pair('#e3e9f3', '#262b36'),
    edge: pair('#c5cddc', '#3b4252'),
    label: pair('#263046', '#e9ecef'),
  },
  lane: {
    headerPaper: pair('#ffffff', '#1d2129'),
    label: pair('#263046', '#e9ecef'),
    unassigned: pair('#868e96', '#adb5bd'),
    unassignedEdge: pair('#adb5bd', '#5c6370'),
  },
} as const

/** How opaque a stage's body is: a light wash on paper, barely there on a dark canvas. */
export const STAGE_BODY_OPACITY: Record<ColorMode, number> = { light: 0.55, dark: 0.03 }

export type ShapeSvgColors = InMode<typeof SHAPE_SVG_COLORS>

export function shapeSvgColors(mode: ColorMode): ShapeSvgColors {
  return inMode(SHAPE_SVG_COLORS, mode)
}
