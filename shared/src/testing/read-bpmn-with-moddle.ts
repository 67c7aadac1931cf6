import { BpmnModdle } from 'bpmn-moddle'

/** An element as bpmn-moddle reads it: its qualified type, id and the properties its type defines. */
export type ModdleReadElement = { $type: string; id?: string; name?: string; [property: string]: unknown }

/**
 * A BPMN file read by bpmn-moddle alone (the parser behind bpmn.io), for packages that do not depend on
 * it: the independent reader of server tests, and the floor the interop benchmark measures against.
 * Answers what it warned about and every element by id.
 */
export async function readBpmnWithModdle(xml: string): Promise<{
  warnings: readonly string[]
  rootType: string
  elementsById: Readonly<Record<string, ModdleReadElement>>
}> {
  const { rootElement, warnings, elementsById } = await BpmnModdle().fromXML(xml)
  return {
    warnings: warnings.map((warning) => warning.message),
    rootType: rootElement.$type,
    elementsById: elementsById as unknown as Record<string, ModdleReadElement>,
  }
}
