import {
  ARTIFACT_KINDS,
  EVENT_KINDS,
  type FlowKind,
  ROLE_KINDS,
  STEP_AUTOMATIONS,
  STEP_STATUSES,
} from '@flowmap/shared'

// The words people see for the model's enumerations, in one place for shapes and panels alike.
// The values and their order come from @flowmap/shared; each table of words is a Record over the
// enumeration, so a value added there fails the typecheck here until it has its word.

type Option<V extends string> = { value: V; label: string }

function optionsOf<V extends string>(values: readonly V[], labels: Record<V, string>): readonly Option<V>[] {
  return values.map((value) => ({ value, label: labels[value] }))
}

export const STATUS_OPTIONS = optionsOf(STEP_STATUSES, {
  todo: 'To do',
  doing: 'Doing',
  done: 'Done',
  blocked: 'Blocked',
})

export const AUTOMATION_OPTIONS = optionsOf(STEP_AUTOMATIONS, {
  manual: 'Manual',
  assisted: 'Assisted',
  automated: 'Automated',
  'ai-agent': 'AI agent',
})

export const ARTIFACT_KIND_OPTIONS = optionsOf(ARTIFACT_KINDS, {
  document: 'Document',
  data: 'Data',
  system: 'System',
})

export const EVENT_KIND_OPTIONS = optionsOf(EVENT_KINDS, { start: 'Start', end: 'End' })

export function labelOf<V extends string>(options: readonly Option<V>[], value: V): string {
  return options.find((option) => option.value === value)?.label ?? value
}

export const FLOW_KIND_OPTIONS: readonly { value: FlowKind; label: string; hint: string }[] = [
  { value: 'sequence', label: 'Sequence', hint: 'then: solid line' },
  { value: 'dependency', label: 'Dependency', hint: 'blocked by: dashed line' },
  { value: 'information', label: 'Information', hint: 'hands over: dotted line' },
]

export const ROLE_KIND_OPTIONS = optionsOf(ROLE_KINDS, {
  person: 'Person',
  team: 'Team',
  system: 'System',
  'ai-agent': 'AI agent',
})

/** "0.5h", "4h", "1.5d" past a working day of eight hours: what a workshop wall would say. */
export function formatHours(hours: number): string {
  if (hours >= 8 && hours % 4 === 0) return `${hours / 8}d`
  return `${Number(hours.toFixed(2))}h`
}
