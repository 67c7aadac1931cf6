/**
 * A pass over the raw XML before bpmn-moddle builds a model of it, so a hostile file is refused
 * while it costs only a scan: saxen (the SAX parser bpmn-moddle itself reads with) streams the tags,
 * and the scan stops at the first problem. It refuses what bpmn-moddle would read past or choke on:
 * any DTD (saxen ignores entity declarations, but a file carrying one is an attack or a mistake),
 * nesting and element counts beyond the import limits, a file that is not XML or is cut off, and a
 * root that is not a BPMN 2.0 `definitions`.
 */
import { Parser } from 'saxen'
import { MAX_IMPORT_DEPTH, MAX_IMPORT_ELEMENTS } from '../../schema/limits.ts'
import { COUNTED_ELEMENT_TYPES } from './bpmn-element-kinds.ts'
import { BPMN_MODEL_NAMESPACE, KNOWN_OTHER_NAMESPACES } from './bpmn-namespaces.ts'

/**
 * XML elements of any kind a file may hold: a BPMN element brings its diagram shape, bounds, label,
 * waypoints and `incoming`/`outgoing` references, about ten XML elements, so twenty per element of
 * `MAX_IMPORT_ELEMENTS` holds any real model and still stops a file of a million empty tags.
 */
export const MAX_IMPORT_XML_ELEMENTS = MAX_IMPORT_ELEMENTS * 20

export type XmlScan = { ok: true; elementCount: number } | { ok: false; reason: string }

const BPMN_PREFIX = 'bpmn'
const OTHER_PREFIX = 'other'

function namespacePrefixes(): Record<string, string> {
  const prefixes: Record<string, string> = { [BPMN_MODEL_NAMESPACE]: BPMN_PREFIX }
  KNOWN_OTHER_NAMESPACES.forEach(([uri], index) => {
    prefixes[uri] = `${OTHER_PREFIX}${index}`
  })
  return prefixes
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/** What the root element is, when it is not BPMN 2.0 `definitions`. */
function wrongRoot(name: string): string | null {
  const colon = name.indexOf(':')
  const prefix = colon === -1 ? '' : name.slice(0, colon)
  const local = name.slice(colon + 1)
  if (prefix === BPMN_PREFIX) {
    return local === 'definitions'
      ? null
      : `the file's root element is <${local}>, not the <definitions> a BPMN 2.0 file starts with`
  }
  if (prefix.startsWith(OTHER_PREFIX)) {
    const known = KNOWN_OTHER_NAMESPACES[Number(prefix.slice(OTHER_PREFIX.length))]
    if (known !== undefined) {
      return `the file is ${known[1]} (namespace ${known[0]}), not BPMN 2.0 (namespace ${BPMN_MODEL_NAMESPACE})`
    }
  }
  const where = prefix === '' ? 'has no namespace' : 'is in another namespace'
  return `the file's root element <${local}> ${where}: a BPMN 2.0 file's root is <definitions> in the namespace ${BPMN_MODEL_NAMESPACE}`
}

function truncated(open: readonly string[]): string {
  const element = open.at(-1)?.replace(/^\w+:/, '') ?? 'the root element'
  return `the file ends before its XML is complete (truncated?): <${element}> is never closed`
}

const DTD_REFUSAL =
  'the file declares a DTD (<!DOCTYPE> or <!ENTITY>): BPMN 2.0 never needs one, and its entities can read ' +
  'other files (XXE) or expand a few bytes into gigabytes ("billion laughs"), so files with a DTD are refused'

/** Scans the XML and answers its BPMN element count, or the first reason to refuse it. */
export function scanBpmnXml(xml: string): XmlScan {
  const parser = new Parser()
  let refusal: string | null = null
  let xmlElements = 0
  let bpmnElements = 0
  let rootSeen = false
  let rootClosed = false
  /** The elements open at this point of the file, outermost first: its length is the depth. */
  const open: string[] = []

  function refuse(reason: string): void {
    if (refusal !== null) return
    refusal = reason
    parser.stop()
  }

  parser.ns(namespacePrefixes())
  parser.on('attention', () => refuse(DTD_REFUSAL))
  parser.on('openTag', (name, _attrs, _decode, selfClosing) => {
    if (refusal !== null) return
    if (rootClosed)
      return refuse(
        'the file has a second root element after its <definitions>, so it is not one XML document',
      )
    if (!rootSeen) {
      rootSeen = true
      const wrong = wrongRoot(name)
      if (wrong !== null) return refuse(wrong)
    }
    xmlElements += 1
    if (xmlElements > MAX_IMPORT_XML_ELEMENTS) {
      return refuse(
        `the file holds more than ${formatCount(MAX_IMPORT_XML_ELEMENTS)} XML elements, the import limit`,
      )
    }
    if (name.startsWith(`${BPMN_PREFIX}:`) && COUNTED_ELEMENT_TYPES.has(name.slice(BPMN_PREFIX.length + 1))) {
      bpmnElements += 1
      if (bpmnElements > MAX_IMPORT_ELEMENTS) {
        return refuse(
          `the file holds more than ${formatCount(MAX_IMPORT_ELEMENTS)} BPMN elements (flow nodes, flows, lanes, pools, data and annotations), the import limit`,
        )
      }
    }
    if (selfClosing) {
      if (open.length === 0) rootClosed = true
      return
    }
    open.push(name)
    if (open.length > MAX_IMPORT_DEPTH) {
      refuse(`the file nests its elements more than ${MAX_IMPORT_DEPTH} levels deep, the import limit`)
    }
  })
  parser.on('closeTag', (_name, _decode, selfClosing) => {
    if (refusal !== null || selfClosing || open.length === 0) return
    open.pop()
    if (open.length === 0) rootClosed = true
  })
  parser.on('error', (error, context) => {
    if (
      error.message === 'unexpected end of file' ||
      (open.length > 0 && error.message.startsWith('unclosed'))
    ) {
      return refuse(truncated(open))
    }
    if (!rootSeen) return refuse(`the file is not XML (${error.message})`)
    const { line, column } = context()
    refuse(`the file is not well-formed XML: ${error.message} at line ${line}, column ${column}`)
  })

  try {
    parser.parse(xml)
  } catch (error) {
    refuse(`the file is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (refusal !== null) return { ok: false, reason: refusal }
  if (!rootSeen) return { ok: false, reason: 'the file is not XML: it holds no element' }
  if (open.length > 0) {
    return { ok: false, reason: truncated(open) }
  }
  return { ok: true, elementCount: bpmnElements }
}
