import { BpmnModdle } from 'bpmn-moddle'
import type { MapContent } from '../map-content.ts'
import { boardToDefinitions } from './board-to-definitions.ts'
import flowmapDescriptor from './flowmap-moddle.json' with { type: 'json' }

/**
 * A board as BPMN 2.0 XML (docs/bpmn-dialect.md): a collaboration with one pool, its lanes, flow
 * elements and BPMNDI. The model is built with bpmn-moddle and written by its serialiser, which answers
 * with a promise (its `toXML` API), hence the promise here; nothing else waits on anything.
 */
export async function boardToBpmn(content: MapContent): Promise<string> {
  const moddle = BpmnModdle({ flowmap: flowmapDescriptor })
  const { xml } = await moddle.toXML(boardToDefinitions(moddle, content), { format: true })
  return xml
}
