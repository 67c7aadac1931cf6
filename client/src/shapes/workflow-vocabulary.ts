import type { ArtifactKind, EventKind, FlowKind, RoleKind, StepAutomation, StepStatus } from '@flowmap/shared'

// The words people see for the model's enumerations, in one place for shapes and panels alike.
// The values themselves come from @flowmap/shared; `satisfies` below keeps the lists complete.

export const STATUS_OPTIONS: readonly { value: StepStatus; label: string }[] = [
  { value: 'todo', label: 'To do' },
  { value: 'doing', label: 'Doing' },
  { value: 'done', label: 'Done' },
  { value: 'blocked', label: 'Blocked' },
]

export const AUTOMATION_OPTIONS: readonly { value: StepAutomation; label: string }[] = [
  { value: 'manual', label: 'Manual' },
  { value: 'assisted', label: 'Assisted' },
  { value: 'automated', label: 'Automated' },
  { value: 'ai-agent', label: 'AI agent' },
]

export const ARTIFACT_KIND_OPTIONS: readonly { value: ArtifactKind; label: string }[] = [
  { value: 'document', label: 'Document' },
  { value: 'data', label: 'Data' },
  { value: 'system', label: 'System' },
]

export const EVENT_KIND_OPTIONS: readonly { value: EventKind; label: string }[] = [
  { value: 'start', label: 'Start' },
  { value: 'end', label: 'End' },
]

export function labelOf<V extends string>(options: readonly { value: V; label: string }[], value: V): string {
  return options.find((option) => option.value === value)?.label ?? value
}

export const FLOW_KIND_OPTIONS: readonly { value: FlowKind; label: string; hint: string }[] = [
  { value: 'sequence', label: 'Sequence', hint: 'then: solid line' },
  { value: 'dependency', label: 'Dependency', hint: 'blocked by: dashed line' },
  { value: 'information', label: 'Information', hint: 'hands over: dotted line' },
]

export const ROLE_KIND_OPTIONS: readonly { value: RoleKind; label: string }[] = [
  { value: 'person', label: 'Person' },
  { value: 'team', label: 'Team' },
  { value: 'system', label: 'System' },
  { value: 'ai-agent', label: 'AI agent' },
]

/** "0.5h", "4h", "1.5d" past a working day of eight hours: what a workshop wall would say. */
export function formatHours(hours: number): string {
  if (hours >= 8 && hours % 4 === 0) return `${hours / 8}d`
  return `${Number(hours.toFixed(2))}h`
}
