/**
 * Which BPMN element a workflow shape is written as (docs/bpmn-dialect.md). A shape imported from BPMN
 * keeps its element in `meta.bpmnKind` (a script task, a parallel gateway), and is written back as that
 * element as long as it still fits what the shape is now: a script task whose step was made manual since
 * is written as a user task.
 */
import type { TLShape } from '@tldraw/tlschema'
import type { StepAutomation } from '../../schema/step.ts'

/** The task elements that read as each automation; the first is the one written when the map names none. */
const TASK_TYPES: Readonly<Record<StepAutomation, readonly string[]>> = {
  manual: ['userTask', 'task', 'manualTask'],
  assisted: ['userTask'],
  automated: ['serviceTask', 'scriptTask', 'businessRuleTask', 'sendTask', 'receiveTask'],
  'ai-agent': ['serviceTask'],
}

const GATEWAY_TYPES: readonly string[] = [
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
]

/** Gateways whose outgoing flows choose by condition: their branch labels are written as conditions too. */
const CONDITIONAL_GATEWAY_TYPES: ReadonlySet<string> = new Set([
  'bpmn:ExclusiveGateway',
  'bpmn:InclusiveGateway',
  'bpmn:ComplexGateway',
])

function metaKind(shape: TLShape): string | null {
  const kind = (shape.meta as { bpmnKind?: unknown }).bpmnKind
  return typeof kind === 'string' ? kind : null
}

/** `userTask` → `bpmn:UserTask`. */
function qualified(localName: string): string {
  return `bpmn:${localName[0]!.toUpperCase()}${localName.slice(1)}`
}

function keptOrFirst(shape: TLShape, allowed: readonly string[]): string {
  const kept = metaKind(shape)
  return qualified(kept !== null && allowed.includes(kept) ? kept : allowed[0]!)
}

export function taskTypeOf(step: TLShape<'step'>): string {
  return keptOrFirst(step, TASK_TYPES[step.props.automation])
}

export function gatewayTypeOf(decision: TLShape<'decision'>): string {
  return keptOrFirst(decision, GATEWAY_TYPES)
}

export function isConditionalGatewayType(type: string): boolean {
  return CONDITIONAL_GATEWAY_TYPES.has(type)
}

/** The `flowmap:automation` a task carries: only where its element type alone does not say it. */
export function automationAttribute(automation: StepAutomation): string | undefined {
  return automation === 'assisted' || automation === 'ai-agent' ? automation : undefined
}
