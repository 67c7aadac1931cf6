/**
 * Flowmap's own attributes (docs/bpmn-dialect.md) as bpmn-moddle hands them over: without the dialect's
 * descriptor they are `$attrs` keyed by the prefix the file wrote, and `flowmap:role` entries are generic
 * elements typed by that prefix. A file may bind the namespace to any prefix, so the prefix is looked up
 * by the namespace URI `definitions` declares, never assumed.
 */
import type { ModdleElement } from 'bpmn-moddle'
import { FLOWMAP_BPMN_NAMESPACE } from './flowmap-bpmn-dialect.ts'
import { stringOf } from './moddle-read.ts'

export type FlowmapAttributes = {
  /** Whether the file declares Flowmap's namespace: a Flowmap export, or a file written for it. */
  readonly declared: boolean
  /** The attribute's value on the element (trimmed as `textOf` trims); null when absent or blank. */
  attribute(element: ModdleElement, name: string): string | null
  /** Whether an extension element is Flowmap's `<name>` (`flowmap:role`). */
  isElement(element: ModdleElement, name: string): boolean
  /**
   * A text property (a name, a label, a documentation's text); null when absent or blank. Trimmed in
   * other modelers' files, whose pretty-printed XML pads text; exact in Flowmap's own export (its
   * `exporter`), which writes a label as the person typed it, spaces at its ends included.
   */
  textOf(element: ModdleElement, property: string): string | null
  /**
   * The element's name (`textOf`); null when absent, blank, or a placeholder: an export names a shape
   * with no label (`Start`, `Step` …, as bpmnlint requires) and marks it `flowmap:nameless="true"`.
   */
  nameOf(element: ModdleElement): string | null
}

export function readFlowmapAttributes(definitions: ModdleElement): FlowmapAttributes {
  const prefixes = Object.entries(definitions.$attrs ?? {})
    .filter(([key, uri]) => key.startsWith('xmlns:') && uri === FLOWMAP_BPMN_NAMESPACE)
    .map(([key]) => key.slice('xmlns:'.length))
  const exact = definitions.exporter === 'Flowmap'
  const attribute = (element: ModdleElement, name: string): string | null => {
    for (const prefix of prefixes) {
      const value = element.$attrs?.[`${prefix}:${name}`]
      if (typeof value === 'string' && value.trim() !== '') return exact ? value : value.trim()
    }
    return null
  }
  const textOf = (element: ModdleElement, property: string): string | null => {
    if (!exact) return stringOf(element, property)
    const value = element[property]
    return typeof value === 'string' && value.trim() !== '' ? value : null
  }
  return {
    declared: prefixes.length > 0,
    attribute,
    textOf,
    nameOf(element) {
      return attribute(element, 'nameless') === 'true' ? null : textOf(element, 'name')
    },
    isElement(element, name) {
      return prefixes.some((prefix) => element.$type === `${prefix}:${name}`)
    },
  }
}
