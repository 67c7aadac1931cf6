/**
 * What each BPMN 2.0 element type is to Flowmap, by its local name (`userTask`, as the XML writes it
 * and bpmn-moddle's `$type` spells `bpmn:UserTask`), and the words an import report uses for it.
 */
import type { StepAutomation } from '../../schema/step.ts'

/** Task types and the automation their step gets when `flowmap:automation` does not say. */
export const TASK_AUTOMATION: Readonly<Record<string, StepAutomation>> = {
  task: 'manual',
  userTask: 'manual',
  manualTask: 'manual',
  callActivity: 'manual',
  serviceTask: 'automated',
  scriptTask: 'automated',
  businessRuleTask: 'automated',
  sendTask: 'automated',
  receiveTask: 'automated',
}

export const SUBPROCESS_TYPES: ReadonlySet<string> = new Set(['subProcess', 'transaction', 'adHocSubProcess'])

export const GATEWAY_TYPES: ReadonlySet<string> = new Set([
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
])

/** Events Flowmap has no shape for: kept as notes by their host or neighbours. */
export const NOTE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'implicitThrowEvent',
])

/**
 * Every element an import counts (and the pre-pass counts against the element limit): flow nodes,
 * flows, lanes, pools, data and annotations. Parts of an element (`incoming`, `documentation`, DI)
 * are not elements of their own.
 */
export const COUNTED_ELEMENT_TYPES: ReadonlySet<string> = new Set([
  ...Object.keys(TASK_AUTOMATION),
  ...SUBPROCESS_TYPES,
  ...GATEWAY_TYPES,
  ...NOTE_EVENT_TYPES,
  'startEvent',
  'endEvent',
  'sequenceFlow',
  'messageFlow',
  'dataObject',
  'dataObjectReference',
  'dataStoreReference',
  'dataInputAssociation',
  'dataOutputAssociation',
  'association',
  'textAnnotation',
  'group',
  'lane',
  'participant',
])

/** `bpmn:UserTask` → `userTask`: the name the XML and the dialect doc use. */
export function localTypeName(moddleType: string): string {
  const local = moddleType.slice(moddleType.indexOf(':') + 1)
  return local.charAt(0).toLowerCase() + local.slice(1)
}

const PLURAL_WORDS: Readonly<Record<string, string>> = {
  callActivity: 'call activities',
  subProcess: 'subprocesses',
  adHocSubProcess: 'ad-hoc subprocesses',
  task: 'tasks (untyped)',
}

/** `businessRuleTask` → "business rule tasks": how a report names a kind of element. */
export function pluralWords(localName: string): string {
  const special = PLURAL_WORDS[localName]
  if (special !== undefined) return special
  const words = localName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.endsWith('s') ? words : `${words}s`
}
