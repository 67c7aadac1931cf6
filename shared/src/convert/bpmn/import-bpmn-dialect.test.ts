/**
 * The importer reads what the exporter writes beyond plain BPMN (docs/bpmn-dialect.md): each board is
 * exported with `boardToBpmn` and read back with `bpmnToDraft`, and what the draft holds is checked
 * against the board, row by row of the dialect. Files as other modelers write them check that the
 * rules which tell an export's elements apart leave theirs as before.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { connector, noteShape, workflowShape } from '../../testing/shape-records.ts'
import type { DraftEdge, FlowDraft } from '../flow-draft.ts'
import { importBoardFile } from '../import-file.ts'
import type { MapContent } from '../map-content.ts'
import { boardToBpmn } from './export-bpmn.ts'
import { bpmnToDraft } from './import-bpmn.ts'

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL'
const DI = 'http://www.omg.org/spec/BPMN/20100524/DI'
const DC = 'http://www.omg.org/spec/DD/20100524/DC'

async function draftOf(xml: string): Promise<FlowDraft> {
  const read = await bpmnToDraft(xml)
  if (!read.ok) throw new Error(read.reason)
  return read.draft
}

function board(records: TLRecord[], title: string | null = 'Dialect'): MapContent {
  return { title, roles: [], records }
}

function edgeEnds(draft: FlowDraft): string[] {
  const label = (id: string | null) => {
    if (id === null) return '(loose)'
    const node = draft.nodes.find((n) => n.id === id)
    return node === undefined ? '?' : `${node.kind}:${node.label}`
  }
  return draft.edges
    .map((edge: DraftEdge) => `${label(edge.from)} -${edge.flow}-> ${label(edge.to)} [${edge.branch ?? ''}]`)
    .sort()
}

const step = (id: string, label: string, x = 0) =>
  workflowShape('step', { id: `shape:${id}`, x, y: 0, props: { label } })
const artifact = (id: string, label: string, x = 0) =>
  workflowShape('artifact', { id: `shape:${id}`, x, y: 200, props: { label, kind: 'data' } })

describe('flowmap:nameless', () => {
  test('a shape exported with a placeholder name comes back unlabelled; a label that reads like one stays', async () => {
    const records = [
      workflowShape('lane', { id: 'shape:lane', x: 0, y: 0, props: { label: '', w: 1200, h: 400 } }),
      workflowShape('event', {
        id: 'shape:start',
        parentId: 'shape:lane',
        x: 100,
        y: 100,
        props: { kind: 'start', label: '' },
      }),
      workflowShape('step', {
        id: 'shape:step',
        parentId: 'shape:lane',
        x: 300,
        y: 100,
        props: { label: '' },
      }),
      workflowShape('decision', {
        id: 'shape:ask',
        parentId: 'shape:lane',
        x: 500,
        y: 100,
        props: { question: '' },
      }),
      workflowShape('step', {
        id: 'shape:named',
        parentId: 'shape:lane',
        x: 700,
        y: 100,
        props: { label: 'Step' },
      }),
      workflowShape('event', {
        id: 'shape:end',
        parentId: 'shape:lane',
        x: 900,
        y: 100,
        props: { kind: 'end', label: '' },
      }),
    ]
    const xml = await boardToBpmn(board(records, ''))
    expect(xml).toContain('<bpmn:startEvent id="start" flowmap:nameless="true" name="Start" />')
    const draft = await draftOf(xml)
    expect(draft.title).toBeNull()
    expect(draft.containers.map((c) => c.label)).toEqual([''])
    expect(draft.nodes.map((n) => [n.id, n.label])).toEqual([
      ['start', ''],
      ['step', ''],
      ['ask', ''],
      ['named', 'Step'],
      ['end', ''],
    ])
  })
})

describe('connectors written as data associations and associations', () => {
  test('a sequence connector between a step and an artifact comes back as sequence, an information one as information', async () => {
    const records = [
      step('work', 'Work'),
      artifact('ledger', 'Ledger', 300),
      artifact('report', 'Report', 600),
      ...connector({ id: 'in', from: 'shape:ledger', to: 'shape:work', flow: 'sequence' }),
      ...connector({ id: 'out', from: 'shape:work', to: 'shape:report', flow: 'sequence' }),
      ...connector({ id: 'reads', from: 'shape:ledger', to: 'shape:work', flow: 'information' }),
      ...connector({ id: 'writes', from: 'shape:work', to: 'shape:report', flow: 'information' }),
    ]
    const xml = await boardToBpmn(board(records))
    expect(xml).toContain('<bpmn:dataInputAssociation id="in" flowmap:flow="sequence">')
    const draft = await draftOf(xml)
    expect(edgeEnds(draft)).toEqual([
      'artifact:Ledger -information-> step:Work []',
      'artifact:Ledger -sequence-> step:Work []',
      'step:Work -information-> artifact:Report []',
      'step:Work -sequence-> artifact:Report []',
    ])
    expect(draft.report.mapped).toContainEqual({
      count: 1,
      what: 'data input associations',
      became: 'sequence connectors',
    })
  })

  test('a connector to or from a note is a connector, not where the note sits', async () => {
    const records = [
      step('work', 'Work'),
      noteShape({ id: 'shape:remark', x: 0, y: 300, text: 'Ask the auditor' }),
      ...connector({ id: 'why', from: 'shape:remark', to: 'shape:work', flow: 'dependency' }),
      ...connector({ id: 'told', from: 'shape:work', to: 'shape:remark', flow: 'information' }),
      ...connector({ id: 'then', from: 'shape:remark', to: 'shape:work', flow: 'sequence' }),
    ]
    const draft = await draftOf(await boardToBpmn(board(records)))
    expect(edgeEnds(draft)).toEqual([
      'note:Ask the auditor -dependency-> step:Work []',
      'note:Ask the auditor -sequence-> step:Work []',
      'step:Work -information-> note:Ask the auditor []',
    ])
    expect(draft.nodes.find((n) => n.kind === 'note')!.meta.nearNodeId).toBeUndefined()
  })

  test('a connector between two notes, one loose at its start and one loose at both ends come back as they were', async () => {
    const records = [
      step('work', 'Work'),
      noteShape({ id: 'shape:one', x: 0, y: 300, text: 'One' }),
      noteShape({ id: 'shape:two', x: 400, y: 300, text: 'Two' }),
      ...connector({ id: 'between', from: 'shape:one', to: 'shape:two', flow: 'information' }),
      ...connector({ id: 'into', from: null, to: 'shape:work', flow: 'sequence' }),
      ...connector({ id: 'free', from: null, to: null, flow: 'dependency' }),
    ]
    expect(edgeEnds(await draftOf(await boardToBpmn(board(records))))).toEqual([
      '(loose) -dependency-> (loose) []',
      '(loose) -sequence-> step:Work []',
      'note:One -information-> note:Two []',
    ])
  })

  test('a branch label on a connector BPMN writes as an association comes back', async () => {
    const records = [
      workflowShape('decision', { id: 'shape:ask', x: 0, y: 0, props: { question: 'Stock?' } }),
      artifact('order', 'Back order', 300),
      ...connector({ id: 'no', from: 'shape:ask', to: 'shape:order', branch: 'no' }),
    ]
    const xml = await boardToBpmn(board(records))
    expect(xml).toContain('flowmap:branch="no"')
    expect(edgeEnds(await draftOf(xml))).toEqual(['decision:Stock? -sequence-> artifact:Back order [no]'])
  })

  test('in a file of another modeler, an association without flowmap:flow at an annotation places the note, between tasks it is information', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="${BPMN}" id="d" targetNamespace="http://example.com">
      <bpmn:process id="p">
        <bpmn:task id="a" name="A"/><bpmn:task id="b" name="B"/>
        <bpmn:textAnnotation id="t"><bpmn:text>Mind the cut-off</bpmn:text></bpmn:textAnnotation>
        <bpmn:association id="anchor" sourceRef="t" targetRef="a"/>
        <bpmn:association id="link" sourceRef="a" targetRef="b"/>
      </bpmn:process>
    </bpmn:definitions>`
    const draft = await draftOf(xml)
    expect(edgeEnds(draft)).toEqual(['step:A -information-> step:B []'])
    expect(draft.nodes.find((n) => n.id === 't')!.meta.nearNodeId).toBe('a')
  })
})

describe('an empty board', () => {
  test('exported as a pool without a process, imports as an empty board with its title', async () => {
    const xml = await boardToBpmn(board([], 'Nothing yet'))
    expect(xml).not.toContain('<bpmn:process')
    const draft = await draftOf(xml)
    expect(draft).toMatchObject({ title: 'Nothing yet', roles: [], containers: [], nodes: [], edges: [] })
    const imported = await importBoardFile({ name: 'empty.bpmn', text: xml })
    expect(imported).toMatchObject({ ok: true, content: { title: 'Nothing yet', roles: [], records: [] } })
  })

  test('several black-box pools of another modeler become a lane each', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="${BPMN}" id="d" targetNamespace="http://example.com">
      <bpmn:collaboration id="c">
        <bpmn:participant id="buyer" name="Buyer"/><bpmn:participant id="seller" name="Seller"/>
        <bpmn:messageFlow id="m" sourceRef="buyer" targetRef="seller"/>
      </bpmn:collaboration>
    </bpmn:definitions>`
    const draft = await draftOf(xml)
    expect(draft.containers.map((c) => c.label)).toEqual(['Buyer', 'Seller'])
    expect(edgeEnds(draft)).toEqual(['(loose) -information-> (loose) []'])
  })
})

describe("a step's status and estimate", () => {
  test('come back on the step record through the import', async () => {
    const records = [
      workflowShape('step', {
        id: 'shape:s',
        x: 0,
        y: 0,
        props: { label: 'Pay', status: 'blocked', estimate: 2.5 },
      }),
    ]
    const xml = await boardToBpmn(board(records))
    expect(xml).toContain('flowmap:status="blocked" flowmap:estimate="2.5"')
    const imported = await importBoardFile({ name: 'pay.bpmn', text: xml })
    if (!imported.ok) throw new Error(imported.reason)
    const shape = imported.content.records.find((r) => r.id === 'shape:s')
    expect(shape).toMatchObject({ props: { status: 'blocked', estimate: 2.5 } })
  })
})

describe('what a group holds by its diagram', () => {
  const shape = (id: string, x: number, y: number, w: number, h: number) =>
    `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`
  const xml = `<bpmn:definitions xmlns:bpmn="${BPMN}" xmlns:bpmndi="${DI}" xmlns:dc="${DC}" id="d" targetNamespace="http://example.com">
      <bpmn:category id="cat"><bpmn:categoryValue id="v" value="Intake"/></bpmn:category>
      <bpmn:collaboration id="c"><bpmn:participant id="pool" name="Claims" processRef="p"/></bpmn:collaboration>
      <bpmn:process id="p">
        <bpmn:laneSet id="ls">
          <bpmn:lane id="inside" name="Clerk"><bpmn:flowNodeRef>a</bpmn:flowNodeRef></bpmn:lane>
          <bpmn:lane id="across" name="Auditor"><bpmn:flowNodeRef>b</bpmn:flowNodeRef></bpmn:lane>
        </bpmn:laneSet>
        <bpmn:task id="a" name="A"/><bpmn:task id="b" name="B"/>
        <bpmn:dataStoreReference id="store" name="Claims DB"/>
        <bpmn:group id="g" categoryValueRef="v"/>
      </bpmn:process>
      <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="c">
        ${shape('pool', 0, 0, 1230, 600)}
        ${shape('inside', 30, 0, 600, 200)}
        ${shape('across', 30, 200, 1200, 200)}
        ${shape('a', 100, 60, 100, 80)}
        ${shape('b', 100, 260, 100, 80)}
        ${shape('store', 300, 480, 50, 50)}
        ${shape('g', 20, -10, 700, 560)}
      </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
    </bpmn:definitions>`

  test('a lane drawn wholly inside a group sits in its stage, one reaching out of it does not; a card in no lane sits in the group', async () => {
    const draft = await draftOf(xml)
    const byId = new Map(draft.containers.map((c) => [c.id, c]))
    expect(byId.get('inside')!.meta.stage).toBe('g')
    expect(byId.get('across')!.meta.stage).toBeUndefined()
    expect(draft.nodes.find((n) => n.id === 'store')!.containerId).toBe('g')
    expect(draft.nodes.find((n) => n.id === 'a')!.containerId).toBe('inside')
  })
})
