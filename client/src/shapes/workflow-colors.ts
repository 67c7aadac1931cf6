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

/**
 * Decisions, artifacts, events, stages and lanes in SVG exports. The canvas draws the same colours
 * from workflow-shapes.css (light rules, and `.tl-theme__dark` ones): keep the two in step.
 */
export type ShapeSvgColors = {
  readonly decision: { readonly fill: string; readonly stroke: string; readonly text: string }
  readonly artifact: Record<
    'document' | 'data' | 'system',
    { readonly fill: string; readonly stroke: string }
  >
  readonly artifactKind: string
  readonly artifactLabel: string
  readonly event: Record<
    'start' | 'end',
    { readonly fill: string; readonly stroke: string; readonly text: string }
  >
  readonly eventLabel: string
  readonly stage: {
    readonly body: string
    readonly bodyOpacity: number
    readonly header: string
    readonly edge: string
    readonly label: string
  }
  readonly lane: {
    readonly headerPaper: string
    readonly label: string
    readonly unassigned: string
    readonly unassignedEdge: string
  }
}

const SHAPE_SVG_COLORS: Record<ColorMode, ShapeSvgColors> = {
  light: {
    decision: { fill: '#fff8e1', stroke: '#e0a800', text: '#5c4400' },
    artifact: {
      document: { fill: '#f3f9ff', stroke: '#4a7ab8' },
      data: { fill: '#f1fbf6', stroke: '#2b8a5e' },
      system: { fill: '#f7f5ff', stroke: '#6a55c2' },
    },
    artifactKind: '#5c6578',
    artifactLabel: '#1d2433',
    event: {
      start: { fill: '#effaf1', stroke: '#2f9e44', text: '#2b7a3b' },
      end: { fill: '#fff0f0', stroke: '#a61e1e', text: '#a61e1e' },
    },
    eventLabel: '#343a40',
    stage: { body: '#edf1f8', bodyOpacity: 0.55, header: '#e3e9f3', edge: '#c5cddc', label: '#263046' },
    lane: { headerPaper: '#ffffff', label: '#263046', unassigned: '#868e96', unassignedEdge: '#adb5bd' },
  },
  dark: {
    decision: { fill: '#3a3116', stroke: '#d9a400', text: '#ffe08a' },
    artifact: {
      document: { fill: '#1b2a3d', stroke: '#74a3e0' },
      data: { fill: '#17302a', stroke: '#4fc08d' },
      system: { fill: '#27223f', stroke: '#9d8cf0' },
    },
    artifactKind: '#b4bbc7',
    artifactLabel: '#eef0f4',
    event: {
      start: { fill: '#17301d', stroke: '#40c057', text: '#8ce99a' },
      end: { fill: '#3a1a1a', stroke: '#e35d5d', text: '#ffa8a8' },
    },
    eventLabel: '#dee2e6',
    stage: { body: '#ffffff', bodyOpacity: 0.03, header: '#262b36', edge: '#3b4252', label: '#e9ecef' },
    lane: { headerPaper: '#1d2129', label: '#e9ecef', unassigned: '#adb5bd', unassignedEdge: '#5c6370' },
  },
}

export function shapeSvgColors(mode: ColorMode): ShapeSvgColors {
  return SHAPE_SVG_COLORS[mode]
}
