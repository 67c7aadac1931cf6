/**
 * Typed reads of bpmn-moddle elements. The importer reads every modeler's files, whose elements carry
 * properties no generated type promises, so each read checks what it finds instead of trusting a cast.
 */
import type { ModdleElement } from 'bpmn-moddle'

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string'
  )
}

/** A string property, trimmed; null when absent or blank. */
export function stringOf(element: ModdleElement, property: string): string | null {
  const value = element[property]
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

export function idOf(element: ModdleElement): string | null {
  return stringOf(element, 'id')
}

/**
 * An element's id, or one made up for an element the file gave none (BPMN makes ids optional, and
 * such an element can still be drawn): `serial` keeps made-up ids of one kind apart.
 */
export function idOrMadeUp(element: ModdleElement, serial: number): string {
  return idOf(element) ?? `${element.$type.replace(/^bpmn:/, '').toLowerCase()}-without-id-${serial}`
}

export function manyOf(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property]
  return Array.isArray(value) ? value.filter(isModdleElement) : []
}

export function oneOf(element: ModdleElement, property: string): ModdleElement | null {
  const value = element[property]
  return isModdleElement(value) ? value : null
}

export function isType(element: ModdleElement, moddleType: string): boolean {
  return element.$type === moddleType
}

/** `bpmn:TimerEventDefinition` → 'timer'; several → 'multiple'; none → null. */
export function eventTriggerOf(event: ModdleElement): string | null {
  const definitions = manyOf(event, 'eventDefinitions')
  if (definitions.length > 1) return 'multiple'
  const first = definitions[0]
  if (first === undefined) return null
  const local = first.$type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '')
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}
