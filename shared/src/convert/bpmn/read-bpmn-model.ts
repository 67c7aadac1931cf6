/**
 * bpmn-moddle's reading of a file that passed the scan, with the warnings it read past (lax mode) sorted
 * into what refuses the file (two elements with one id, which moddle resolves by dropping the second;
 * a flow or boundary event whose end names no element: the model would have a dangling edge) and what
 * a person is told (other unresolved references, parts it could not read).
 */
import { BpmnModdle, type ModdleElement, type ModdleWarning } from 'bpmn-moddle'

export type BpmnModelRead =
  | { ok: true; definitions: ModdleElement; notices: string[] }
  | { ok: false; reason: string }

/** References without which an element has no place in the graph. */
const STRUCTURAL_REFERENCES: ReadonlySet<string> = new Set([
  'bpmn:sourceRef',
  'bpmn:targetRef',
  'bpmn:attachedToRef',
])

function elementName(element: ModdleElement | undefined): string {
  if (element === undefined) return 'an element'
  const type = element.$type.replace(/^bpmn:/, '')
  const id = typeof element.id === 'string' ? ` ${element.id}` : ''
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}${id}`
}

function isUnresolved(warning: ModdleWarning): boolean {
  return warning.message.startsWith('unresolved reference')
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}

function warningNotices(warnings: readonly ModdleWarning[]): string[] {
  const notices: string[] = []
  const unresolved = warnings.filter(isUnresolved)
  if (unresolved.length > 0) {
    const named = unresolved
      .slice(0, 5)
      .map(
        (w) =>
          `${elementName(w.element)}'s ${(w.property ?? 'reference').replace(/^bpmn:/, '')} '${w.value}'`,
      )
    const more = unresolved.length > 5 ? ` and ${unresolved.length - 5} more` : ''
    notices.push(
      `${unresolved.length} references name no element and were ignored: ${named.join(', ')}${more}`,
    )
  }
  const unreadable = warnings.filter((w) => !isUnresolved(w))
  if (unreadable.length > 0) {
    const named = unreadable.slice(0, 5).map((w) =>
      firstLine(w.message)
        .replace(/^unparsable content /, '')
        .replace(/ detected$/, ''),
    )
    const more = unreadable.length > 5 ? ` and ${unreadable.length - 5} more` : ''
    notices.push(
      `${unreadable.length} parts of the file could not be read and were skipped: ${named.join(', ')}${more}`,
    )
  }
  return notices
}

export async function readBpmnModel(xml: string): Promise<BpmnModelRead> {
  let parsed: Awaited<ReturnType<ReturnType<typeof BpmnModdle>['fromXML']>>
  try {
    parsed = await BpmnModdle().fromXML(xml)
  } catch (error) {
    const message = error instanceof Error ? firstLine(error.message) : String(error)
    return { ok: false, reason: `the file is not valid BPMN 2.0: ${message}` }
  }
  const duplicate = parsed.warnings
    .map((w) => /duplicate ID <([^>]*)>/.exec(w.message))
    .find((m) => m !== null)
  if (duplicate !== undefined) {
    return {
      ok: false,
      reason: `the file gives two elements the same id '${duplicate[1]}', so its references are ambiguous`,
    }
  }
  const dangling = parsed.warnings.find((w) => isUnresolved(w) && STRUCTURAL_REFERENCES.has(w.property ?? ''))
  if (dangling !== undefined) {
    const property = (dangling.property ?? '').replace(/^bpmn:/, '')
    return {
      ok: false,
      reason: `the file has a dangling reference: ${elementName(dangling.element)}'s ${property} names '${dangling.value}', and no element has that id`,
    }
  }
  return { ok: true, definitions: parsed.rootElement, notices: warningNotices(parsed.warnings) }
}
