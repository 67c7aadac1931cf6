/**
 * Property: whatever mix of elements, lanes and diagram a file holds, the import accounts for every
 * element (its report adds up to what an independent scan of the XML counts), keeps every flow node
 * and flow under its own id with its ends, and takes geometry exactly from the diagram where there is one.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { asDrawn } from './as-drawn.test-support.ts'
import { bpmnToDraft } from './import-bpmn.ts'
import { scanBpmnXml } from './scan-bpmn-xml.ts'

const NODE_TYPES = [
  'task',
  'userTask',
  'manualTask',
  'serviceTask',
  'scriptTask',
  'businessRuleTask',
  'sendTask',
  'receiveTask',
  'callActivity',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'dataObjectReference',
  'dataStoreReference',
  'subProcess',
] as const

type GeneratedNode = { type: (typeof NODE_TYPES)[number]; lane: number; drawn: boolean; expanded: boolean }
type GeneratedFile = {
  lanes: number
  nodes: GeneratedNode[]
  flows: { from: number; to: number; drawn: boolean; named: boolean }[]
  annotations: number
}

const fileArbitrary: fc.Arbitrary<GeneratedFile> = fc
  .record({
    lanes: fc.integer({ min: 0, max: 3 }),
    nodes: fc.array(
      fc.record({
        type: fc.constantFrom(...NODE_TYPES),
        lane: fc.nat(2),
        drawn: fc.boolean(),
        expanded: fc.boolean(),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    flowSeeds: fc.array(
      fc.record({ from: fc.nat(), to: fc.nat(), drawn: fc.boolean(), named: fc.boolean() }),
      {
        maxLength: 30,
      },
    ),
    annotations: fc.nat(3),
  })
  .map(({ lanes, nodes, flowSeeds, annotations }) => ({
    lanes,
    nodes,
    flows: flowSeeds.map((f) => ({ ...f, from: f.from % nodes.length, to: f.to % nodes.length })),
    annotations,
  }))

const isData = (type: string) => type === 'dataObjectReference' || type === 'dataStoreReference'

function bounds(i: number) {
  return { x: 100 + i * 150, y: 100 + (i % 3) * 120, w: 100, h: 80 }
}

function xmlOf(file: GeneratedFile): string {
  const process: string[] = []
  const diagram: string[] = []
  if (file.lanes > 0) {
    process.push('<bpmn:laneSet id="LaneSet_1">')
    for (let l = 0; l < file.lanes; l++) {
      const refs = file.nodes
        .map((n, i) => (n.lane % file.lanes === l ? `<bpmn:flowNodeRef>N${i}</bpmn:flowNodeRef>` : ''))
        .join('')
      process.push(`<bpmn:lane id="L${l}" name="Lane ${l}">${refs}</bpmn:lane>`)
    }
    process.push('</bpmn:laneSet>')
  }
  file.nodes.forEach((n, i) => {
    const inner =
      n.type === 'subProcess'
        ? `<bpmn:startEvent id="N${i}_s"/><bpmn:task id="N${i}_t" name="Inner ${i}"/><bpmn:sequenceFlow id="N${i}_f" sourceRef="N${i}_s" targetRef="N${i}_t"/>`
        : ''
    const dataRef = n.type === 'dataObjectReference' ? ` dataObjectRef="N${i}_o"` : ''
    process.push(`<bpmn:${n.type} id="N${i}" name="Node ${i}"${dataRef}>${inner}</bpmn:${n.type}>`)
    if (n.type === 'dataObjectReference') process.push(`<bpmn:dataObject id="N${i}_o"/>`)
    if (n.drawn) {
      const b = bounds(i)
      const expanded = n.type === 'subProcess' ? ` isExpanded="${n.expanded}"` : ''
      diagram.push(
        `<bpmndi:BPMNShape id="N${i}_di" bpmnElement="N${i}"${expanded}><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}"/></bpmndi:BPMNShape>`,
      )
    }
  })
  file.flows.forEach((f, i) => {
    // BPMN has no sequence flow to or from data: those become data associations in the file.
    if (isData(file.nodes[f.from]!.type) || isData(file.nodes[f.to]!.type)) return
    const name = f.named ? ` name="branch ${i}"` : ''
    process.push(`<bpmn:sequenceFlow id="F${i}"${name} sourceRef="N${f.from}" targetRef="N${f.to}"/>`)
    if (f.drawn) {
      diagram.push(
        `<bpmndi:BPMNEdge id="F${i}_di" bpmnElement="F${i}"><di:waypoint x="${i}" y="1"/><di:waypoint x="${i}" y="2"/></bpmndi:BPMNEdge>`,
      )
    }
  })
  for (let a = 0; a < file.annotations; a++) {
    process.push(`<bpmn:textAnnotation id="A${a}"><bpmn:text>Note ${a}</bpmn:text></bpmn:textAnnotation>`)
    process.push(`<bpmn:association id="A${a}_link" sourceRef="A${a}" targetRef="N0"/>`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="http://example.com">
<bpmn:process id="P">${process.join('')}</bpmn:process>
<bpmndi:BPMNDiagram id="G"><bpmndi:BPMNPlane id="PL" bpmnElement="P">${diagram.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`
}

describe('generated BPMN files', () => {
  test('every element is accounted for, every node and flow kept with its ends and diagram geometry', async () => {
    await fc.assert(
      fc.asyncProperty(fileArbitrary, async (file) => {
        const xml = xmlOf(file)
        const read = await bpmnToDraft(xml)
        if (!read.ok) throw new Error(read.reason)
        // In the file's own coordinates: a foreign diagram is scaled on import (foreign-diagram-fit.ts).
        const draft = read.draft.report.writtenBy?.startsWith('Flowmap') ? read.draft : asDrawn(read.draft)
        const scan = scanBpmnXml(xml)
        if (!scan.ok) throw new Error(scan.reason)
        const lines = [...draft.report.mapped, ...draft.report.keptAsNotes]
        expect(draft.report.elementCount).toBe(scan.elementCount)
        expect(lines.reduce((sum, line) => sum + line.count, 0)).toBe(scan.elementCount)

        const stages = new Set(draft.containers.filter((c) => c.kind === 'stage').map((c) => c.id))
        file.nodes.forEach((n, i) => {
          const id = `N${i}`
          const expandedSubprocess = n.type === 'subProcess' && n.drawn && n.expanded
          if (expandedSubprocess) {
            expect(stages.has(id)).toBe(true)
            return
          }
          const drafted = draft.nodes.find((d) => d.id === id)
          // Events kept as notes say what they were: "Node 3 (Intermediate throw event)".
          expect(drafted?.label.replace(/ \(.*\)$/, '')).toBe(`Node ${i}`)
          expect(drafted?.bounds).toEqual(n.drawn ? bounds(i) : null)
          if (file.lanes > 0) expect(drafted?.containerId).toBe(`L${n.lane % file.lanes}`)
        })

        file.flows.forEach((f, i) => {
          if (isData(file.nodes[f.from]!.type) || isData(file.nodes[f.to]!.type)) return
          const drafted = draft.edges.find((e) => e.id === `F${i}`)
          // An end at an expanded subprocess moves to its start event (its only start); it has no end event.
          const fromExpanded = stages.has(`N${f.from}`)
          const toExpanded = stages.has(`N${f.to}`)
          expect(drafted?.from).toBe(fromExpanded ? null : `N${f.from}`)
          expect(drafted?.to).toBe(toExpanded ? `N${f.to}_s` : `N${f.to}`)
          expect(drafted?.branch).toBe(f.named ? `branch ${i}` : null)
          expect(drafted?.waypoints).toEqual(
            f.drawn
              ? [
                  { x: i, y: 1 },
                  { x: i, y: 2 },
                ]
              : null,
          )
        })

        for (let a = 0; a < file.annotations; a++) {
          expect(draft.nodes.find((d) => d.id === `A${a}`)?.meta.nearNodeId).toBe('N0')
        }
      }),
      { numRuns: 100 },
    )
  })
})
