import type { StepAutomation, StepStatus } from '@flowmap/shared'

// Badge colours, in one place for the canvas (inline styles) and for SVG exports.

export type BadgeColors = { readonly fill: string; readonly text: string }

export const STATUS_COLORS: Record<StepStatus, BadgeColors> = {
  todo: { fill: '#eef0f3', text: '#495057' },
  doing: { fill: '#e7efff', text: '#1c4fc7' },
  done: { fill: '#e3f6e6', text: '#1f7a32' },
  blocked: { fill: '#ffe8e8', text: '#c92a2a' },
}

export const AUTOMATION_COLORS: Record<StepAutomation, BadgeColors> = {
  manual: { fill: '#f3f4f6', text: '#5c6578' },
  assisted: { fill: '#f4f1fb', text: '#5f3dc4' },
  automated: { fill: '#e6f6f8', text: '#0b7285' },
  'ai-agent': { fill: '#f6ecff', text: '#9c36b5' },
}

/** A step card's paper and edge: done cards turn faintly green, blocked ones get a red edge. */
export function stepCardColors(status: StepStatus): { fill: string; stroke: string } {
  return {
    fill: status === 'done' ? '#f4fbf5' : '#ffffff',
    stroke: status === 'blocked' ? '#f08080' : '#cfd5df',
  }
}
