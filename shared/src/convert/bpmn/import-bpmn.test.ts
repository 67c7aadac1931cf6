import { describe, expect, test } from 'vitest'
import type { DraftContainer, DraftEdge, DraftNode, FlowDraft } from '../flow-draft.ts'
import { type ImportReport, reportSentences } from '../import-report.ts'
import { asDrawn } from './as-drawn.test-support.ts'
import bizagi from './fixtures/bizagi.bpmn?raw'
import bpmnIo from './fixtures/bpmn-io.bpmn?raw'
import camunda from './fixtures/camunda-modeler-5.bpmn?raw'
import flowableNoDi from './fixtures/flowable-no-di.bpmn20.xml?raw'
import flowmapDialect from './fixtures/flowmap-dialect.bpmn?raw'
import nestedLanes from './fixtures/nested-lanes.bpmn?raw'
import partialDi from './fixtures/partial-di.bpmn?raw'
import signavio from './fixtures/signavio.bpmn?raw'
import { bpmnToDraft } from './import-bpmn.ts'
import { scanBpmnXml } from './scan-bpmn-xml.ts'

/** The draft, in the file's own diagram coordinates (a foreign diagram is scaled on import, see foreign-diagram-fit.ts). */
async function draftOf(xml: string): Promise<FlowDraft> {
  const read = await bpmnToDraft(xml)
  if (!read.ok) throw new Error(`refused: ${read.reason}`)
  return read.draft.report.writtenBy?.startsWith('Flowmap') ? read.draft : asDrawn(read.draft)
}

function node(draft: FlowDraft, label: string): DraftNode {
  const found = draft.nodes.filter((n) => n.label === label)
  if (found.length !== 1) throw new Error(`expected one node labelled ${label}, found ${found.length}`)
  return found[0]!
}

function nodeById(draft: FlowDraft, id: string): DraftNode {
  const found = draft.nodes.find((n) => n.id === id)
  if (found === undefined) throw new Error(`no node ${id}`)
  return found
}

function container(draft: FlowDraft, label: string): DraftContainer {
  const found = draft.containers.find((c) => c.label === label)
  if (found === undefined) throw new Error(`no container labelled ${label}`)
  return found
}

function edge(draft: FlowDraft, id: string): DraftEdge {
  const found = draft.edges.find((e) => e.id === id)
  if (found === undefined) throw new Error(`no edge ${id}`)
  return found
}

function roleName(draft: FlowDraft, roleId: string | null): string | null {
  return draft.roles.find((role) => role.id === roleId)?.name ?? null
}

/** The report's lines as a person reads them, without its notices. */
function sentences(report: ImportReport): string[] {
  return reportSentences({ ...report, notices: [] })
}

const FIXTURES = {
  'Camunda Modeler 5': camunda,
  Signavio: signavio,
  Bizagi: bizagi,
  'bpmn.io': bpmnIo,
  'Flowable, no DI': flowableNoDi,
  'partial DI': partialDi,
  'nested lanes': nestedLanes,
  'Flowmap dialect': flowmapDialect,
}

describe('every fixture imports with a report that accounts for every element', () => {
  for (const [name, xml] of Object.entries(FIXTURES)) {
    test(`${name}: the report's lines add up to the elements the file holds, counted independently`, async () => {
      const { report } = await draftOf(xml)
      const scan = scanBpmnXml(xml)
      if (!scan.ok) throw new Error(scan.reason)
      // The scan counts BPMN elements in the raw XML; the report counts what the mapping met.
      expect(report.elementCount).toBe(scan.elementCount)
      const lines = [...report.mapped, ...report.keptAsNotes]
      expect(lines.reduce((sum, line) => sum + line.count, 0)).toBe(report.elementCount)
      expect(report.format).toBe('bpmn')
      expect(report.notices.some((n) => n.includes('not on the board'))).toBe(false)
      // A realistic fixture reads cleanly in bpmn-moddle: no reference it cannot resolve, no part it skips.
      expect(report.notices.filter((n) => /name no element|could not be read/.test(n))).toEqual([])
    })
  }
})

describe('Camunda Modeler 5', () => {
  test('names its kinds, the boundary timer among the notes', async () => {
    const { report } = await draftOf(camunda)
    expect(report.writtenBy).toBe('Camunda Modeler 5.17.0')
    expect(report.elementCount).toBe(27)
    expect(sentences(report)).toEqual(
      expect.arrayContaining([
        '2 lanes became lanes',
        "1 pool (participants) became the board (the pool's name is its title)",
        '2 user tasks became steps',
        '1 service task became a step',
        '1 script task became a step',
        '2 exclusive gateways became decisions',
        '1 expanded subprocess became a stage',
        '1 boundary timer event kept as a note',
      ]),
    )
  })

  test('tasks become steps in their lanes with the diagram geometry, owned by the lane role', async () => {
    const draft = await draftOf(camunda)
    expect(draft.title).toBe('Invoice approval')
    const check = node(draft, 'Check invoice')
    expect(check).toMatchObject({
      kind: 'step',
      automation: 'manual',
      description: 'Compare the invoice with the purchase order and the delivery note.',
      bounds: { x: 310, y: 160, w: 100, h: 80 },
      meta: { bpmnKind: 'userTask' },
    })
    expect(check.containerId).toBe(container(draft, 'Accounting').id)
    const approve = node(draft, 'Approve invoice')
    expect(approve.containerId).toBe(container(draft, 'Management').id)
    expect(approve.kind === 'step' && roleName(draft, approve.owner)).toBe('Management')
    expect(node(draft, 'Book payment')).toMatchObject({ kind: 'step', automation: 'automated' })
    expect(node(draft, 'Notify supplier')).toMatchObject({ kind: 'step', automation: 'automated' })
    expect(container(draft, 'Accounting').bounds).toEqual({ x: 190, y: 80, w: 1390, h: 250 })
    expect(draft.roles.map((r) => r.name)).toEqual(['Accounting', 'Management'])
  })

  test('the boundary timer becomes a note by its host; the gateway a decision; branches keep labels and conditions', async () => {
    const draft = await draftOf(camunda)
    const timer = nodeById(draft, 'Event_0ya3lq1')
    expect(timer).toMatchObject({
      kind: 'note',
      label: '2 days (Boundary timer event)',
      containerId: container(draft, 'Management').id,
      bounds: { x: 592, y: 462, w: 36, h: 36 },
      meta: { bpmnKind: 'boundaryEvent', bpmnEvent: 'timer', attachedTo: 'Activity_0s5v1jw' },
    })
    expect(node(draft, 'Amount over 1000?')).toMatchObject({
      kind: 'decision',
      meta: { bpmnKind: 'exclusiveGateway' },
    })
    expect(edge(draft, 'Flow_1mt7pkh')).toMatchObject({
      from: 'Gateway_1x7ozfu',
      to: 'Activity_0s5v1jw',
      flow: 'sequence',
      branch: 'yes',
      waypoints: [
        { x: 490, y: 225 },
        { x: 490, y: 440 },
        { x: 560, y: 440 },
      ],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Camunda (JUEL) expression, not a template
      meta: { condition: '${invoice.amount > 1000}' },
    })
    expect(edge(draft, 'Flow_0r2ax1n')).toMatchObject({ branch: 'no', meta: { default: true } })
    expect(edge(draft, 'Flow_12u0c8w')).toMatchObject({ from: 'Event_0ya3lq1', to: 'Event_1m6l9fx' })
  })

  test('lanes that list no nodes (flowNodeRef is optional) place them by where they are drawn', async () => {
    const listed = await draftOf(camunda)
    const stripped = camunda.replace(/\s*<bpmn:flowNodeRef>[^<]*<\/bpmn:flowNodeRef>/g, '')
    expect(stripped).not.toContain('flowNodeRef')
    const unlisted = await draftOf(stripped)
    expect(unlisted.nodes.map((n) => [n.id, n.containerId])).toEqual(
      listed.nodes.map((n) => [n.id, n.containerId]),
    )
  })

  test('the expanded subprocess is a stage holding its children; flows into and out of it reach its start and end', async () => {
    const draft = await draftOf(camunda)
    const stage = container(draft, 'Pay invoice')
    expect(stage).toMatchObject({ kind: 'stage', bounds: { x: 820, y: 110, w: 500, h: 200 } })
    for (const id of ['Event_0n2k4xv', 'Activity_1wq3f7e', 'Activity_0e6b2ln', 'Event_0p7t1ro']) {
      expect(nodeById(draft, id).containerId).toBe(stage.id)
    }
    expect(edge(draft, 'Flow_0x1ypwb')).toMatchObject({ from: 'Gateway_0d1m5ka', to: 'Event_0n2k4xv' })
    expect(edge(draft, 'Flow_1ukb2wt')).toMatchObject({ from: 'Event_0p7t1ro', to: 'Event_1b0a7sy' })
    expect(draft.nodes.some((n) => n.id === stage.id)).toBe(false)
  })
})

describe('Signavio', () => {
  test('two pools become two lane groups, the pool without lanes one lane named by it', async () => {
    const draft = await draftOf(signavio)
    expect(draft.report.writtenBy).toBe('Signavio Process Editor, http://www.signavio.com 17.12.0')
    const customer = container(draft, 'Customer')
    const sales = container(draft, 'Sales')
    const warehouse = container(draft, 'Warehouse')
    expect(customer).toMatchObject({ kind: 'lane', pool: 'sid-8E2D1C3B-4A5F-4B6E-9C7D-1E2F3A4B5C6D' })
    expect(customer.bounds).toEqual({ x: 100, y: 50, w: 1000, h: 150 })
    expect(sales.pool).toBe('sid-2B3C4D5E-6F70-4812-93A4-B5C6D7E8F901')
    expect(warehouse.pool).toBe(sales.pool)
    expect(node(draft, 'Place order').containerId).toBe(customer.id)
    expect(node(draft, 'Reserve stock')).toMatchObject({ containerId: warehouse.id, automation: 'automated' })
    expect(node(draft, 'Send confirmation')).toMatchObject({ containerId: sales.id, automation: 'automated' })
    expect(sentences(draft.report)).toEqual(
      expect.arrayContaining([
        '2 pools (participants) became lane groups',
        '2 message flows became information connectors',
      ]),
    )
  })

  test('message flows between pools become information connectors with their names', async () => {
    const draft = await draftOf(signavio)
    expect(edge(draft, 'sid-7A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9')).toMatchObject({
      from: 'sid-PLACE-ORDER',
      to: 'sid-ORDER-RECEIVED',
      flow: 'information',
      branch: 'Order',
      waypoints: [
        { x: 285, y: 165 },
        { x: 285, y: 335 },
      ],
    })
  })

  test('data objects and stores become artifacts, data associations information connectors', async () => {
    const draft = await draftOf(signavio)
    expect(node(draft, 'Order')).toMatchObject({
      kind: 'artifact',
      artifact: 'document',
      containerId: 'sid-LANE-SALES',
    })
    expect(node(draft, 'ERP')).toMatchObject({
      kind: 'artifact',
      artifact: 'data',
      containerId: 'sid-LANE-WAREHOUSE',
    })
    expect(edge(draft, 'sid-DIA-ORDER')).toMatchObject({
      from: 'sid-ORDER-DOC-REF',
      to: 'sid-CHECK-ORDER',
      flow: 'information',
    })
    expect(edge(draft, 'sid-DOA-ERP')).toMatchObject({
      from: 'sid-RESERVE-STOCK',
      to: 'sid-ERP-REF',
      flow: 'information',
    })
    expect(node(draft, 'Order received')).toMatchObject({
      kind: 'event',
      event: 'start',
      meta: { bpmnEvent: 'message' },
    })
    expect(sentences(draft.report)).toEqual(
      expect.arrayContaining([
        '1 data object reference became a document artifact',
        '1 data store reference became a data artifact',
        '1 data object became the artifacts of their references',
        '1 intermediate message catch event kept as a note',
      ]),
    )
  })
})

describe('Bizagi', () => {
  test('inclusive and event-based gateways become decisions with their kind kept', async () => {
    const draft = await draftOf(bizagi)
    expect(draft.report.writtenBy).toBe('Bizagi Modeler 4.0.0.064')
    expect(node(draft, 'Which teams?')).toMatchObject({
      kind: 'decision',
      meta: { bpmnKind: 'inclusiveGateway' },
    })
    expect(node(draft, 'Wait for the customer')).toMatchObject({
      kind: 'decision',
      meta: { bpmnKind: 'eventBasedGateway' },
      bounds: { x: 600, y: 180, w: 40, h: 40 },
    })
    // An unnamed conditional flow is labelled by its condition.
    expect(edge(draft, 'Id_f0000004-0000-4000-8000-000000000004').branch).toBe('hardware = true')
    expect(edge(draft, 'Id_f0000003-0000-4000-8000-000000000003')).toMatchObject({
      branch: 'Software',
      meta: { condition: 'software = true' },
    })
    expect(sentences(draft.report)).toEqual(
      expect.arrayContaining([
        '2 inclusive gateways became decisions',
        '1 event based gateway became a decision',
        '1 intermediate message catch event kept as a note',
        '1 intermediate timer catch event kept as a note',
      ]),
    )
  })

  test('text annotations become notes beside the element their association names', async () => {
    const draft = await draftOf(bizagi)
    expect(node(draft, 'SLA: first response within 4 hours')).toMatchObject({
      kind: 'note',
      bounds: { x: 190, y: 70, w: 150, h: 50 },
      meta: { nearNodeId: 'Id_a0000002-0000-4000-8000-000000000002' },
    })
    expect(node(draft, "Hardware needs the asset manager's approval").meta.nearNodeId).toBe(
      'Id_a0000005-0000-4000-8000-000000000005',
    )
    expect(draft.edges.some((e) => e.id.startsWith('Id_d1'))).toBe(false)
    expect(sentences(draft.report)).toContain(
      "2 associations of text annotations became the notes' neighbours",
    )
  })

  test('the collapsed subprocess becomes one step naming what it holds', async () => {
    const draft = await draftOf(bizagi)
    const close = node(draft, 'Close ticket')
    expect(close).toMatchObject({
      kind: 'step',
      description: 'Inside: Send survey, Archive ticket',
      meta: { bpmnKind: 'subProcess', innerElements: 7 },
      bounds: { x: 760, y: 125, w: 90, h: 60 },
    })
    expect(draft.nodes.some((n) => n.label === 'Send survey')).toBe(false)
    expect(sentences(draft.report)).toEqual(
      expect.arrayContaining([
        '1 collapsed subprocess became a step',
        "7 elements inside collapsed subprocesses became parts of their subprocess's step",
      ]),
    )
    expect(node(draft, 'Classify ticket')).toMatchObject({ kind: 'step', meta: { bpmnKind: 'task' } })
    expect(node(draft, 'Replace hardware')).toMatchObject({ kind: 'step', automation: 'manual' })
  })
})

describe('bpmn.io', () => {
  test('a plain process: parallel gateways become decisions, no lanes, no roles', async () => {
    const draft = await draftOf(bpmnIo)
    expect(draft.containers).toEqual([])
    expect(draft.roles).toEqual([])
    const decisions = draft.nodes.filter((n) => n.kind === 'decision')
    expect(decisions.map((d) => d.meta.bpmnKind)).toEqual(['parallelGateway', 'parallelGateway'])
    expect(node(draft, 'Order laptop')).toMatchObject({
      kind: 'step',
      containerId: null,
      bounds: { x: 350, y: 80, w: 100, h: 80 },
    })
    expect(node(draft, 'New hire signed')).toMatchObject({ kind: 'event', event: 'start' })
    expect(node(draft, 'Ready for day one')).toMatchObject({ kind: 'event', event: 'end' })
    expect(draft.report.notices).toEqual([])
  })
})

describe('a file without DI, and one with part of it', () => {
  test('without any DI every bound and waypoint is null, and the report says all is laid out', async () => {
    const draft = await draftOf(flowableNoDi)
    expect(draft.report.writtenBy).toBeNull()
    expect([...draft.nodes, ...draft.containers].every((e) => e.bounds === null)).toBe(true)
    expect(draft.edges.every((e) => e.waypoints === null)).toBe(true)
    expect(draft.report.notices).toContain(
      'the file has no diagram layout (BPMNDI): all 12 elements are laid out automatically',
    )
  })

  test('lanes still place every node, and the subprocess without a diagram becomes one step', async () => {
    const draft = await draftOf(flowableNoDi)
    expect(node(draft, 'Approve leave')).toMatchObject({
      containerId: 'laneManager',
      description: 'Approve when the team has cover for the dates.',
    })
    expect(node(draft, 'Check entitlement')).toMatchObject({ automation: 'automated', containerId: 'laneHr' })
    expect(node(draft, 'Book leave')).toMatchObject({
      kind: 'step',
      description: 'Inside: Update team calendar, Update payroll',
    })
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Flowable (JUEL) expression, not a template
    expect(edge(draft, 'flow5').branch).toBe('${approved}')
    expect(node(draft, 'Leave approved (Intermediate signal throw event)').containerId).toBe('laneHr')
    expect(sentences(draft.report)).toEqual(
      expect.arrayContaining([
        '1 subprocess without a diagram became a step',
        '1 intermediate signal throw event kept as a note',
        '1 business rule task became a step',
      ]),
    )
  })

  test('with part of the DI, drawn elements keep geometry and the rest stay unplaced, still in their lanes', async () => {
    const draft = await draftOf(partialDi)
    expect(node(draft, 'Edit draft')).toMatchObject({
      bounds: { x: 440, y: 260, w: 100, h: 80 },
      containerId: 'Lane_1r2tq4d',
    })
    expect(node(draft, 'Legal review')).toMatchObject({ bounds: null, containerId: 'Lane_1r2tq4d' })
    expect(node(draft, 'Published')).toMatchObject({ bounds: null, containerId: null })
    expect(edge(draft, 'Flow_1f4n7qs').waypoints).toHaveLength(4)
    expect(edge(draft, 'generated_flow_1')).toMatchObject({
      from: 'Activity_0p4e2vw',
      to: 'generated_review_1',
      waypoints: null,
    })
    expect(draft.report.notices).toContain(
      '2 of 7 elements have no diagram layout (BPMNDI) and are laid out automatically',
    )
  })
})

describe('nested lane sets', () => {
  test('become their leaf lanes labelled "Parent / Child", with a notice', async () => {
    const draft = await draftOf(nestedLanes)
    expect(draft.containers.map((c) => c.label)).toEqual(['Customer', 'Company / Sales', 'Company / Support'])
    expect(draft.containers.some((c) => c.id === 'Lane_1b4ho8x')).toBe(false)
    expect(node(draft, 'Log complaint').containerId).toBe('Lane_0p6d2qa')
    expect(node(draft, 'Resolve complaint').containerId).toBe('Lane_1j0wu5k')
    expect(container(draft, 'Company / Support').bounds).toEqual({ x: 160, y: 320, w: 580, h: 150 })
    expect(sentences(draft.report)).toContain(
      "1 parent lane (nested lane sets) became the first part of their child lanes' labels",
    )
    expect(draft.report.notices).toContain(
      '1 parent lanes of nested lane sets were flattened: each leaf lane became a lane labelled "Parent / Child"',
    )
  })
})

describe("Flowmap's own dialect", () => {
  test('roles come from flowmap:role, lanes name theirs with flowmap:roleId', async () => {
    const draft = await draftOf(flowmapDialect)
    expect(draft.title).toBe('Expense claims')
    expect(draft.roles).toEqual([
      { id: 'role_employee', name: 'Employee', color: '#4263eb', kind: 'person' },
      { id: 'role_finance', name: 'Finance', color: '#2f9e44', kind: 'team' },
      { id: 'role_matcher', name: 'Matching agent', color: '#ae3ec9', kind: 'ai-agent' },
    ])
    expect(container(draft, 'Employee')).toMatchObject({ roleId: 'role_employee', pool: null })
    expect(container(draft, 'Finance').roleId).toBe('role_finance')
  })

  test('automation, owner, status and estimate are read; a step without flowmap:owner inherits its lane', async () => {
    const draft = await draftOf(flowmapDialect)
    expect(node(draft, 'Submit claim')).toMatchObject({
      automation: 'manual',
      owner: null,
      description: 'Photograph the receipt and fill in the claim form.',
      meta: { status: 'done', estimate: 0.5 },
    })
    expect(node(draft, 'Check receipts')).toMatchObject({ automation: 'assisted', owner: null })
    expect(node(draft, 'Match to card statement')).toMatchObject({
      automation: 'ai-agent',
      owner: 'role_matcher',
      meta: { status: 'doing' },
    })
    expect(node(draft, 'Pay out')).toMatchObject({ automation: 'automated', owner: null })
    expect(node(draft, 'Fix the claim')).toMatchObject({
      owner: 'role_finance',
      containerId: 'lane_employee',
    })
  })

  test('branch labels, artifact kinds, flow kinds, the note and the stage come back', async () => {
    const draft = await draftOf(flowmapDialect)
    expect(edge(draft, 'flow_policy_pay')).toMatchObject({
      branch: 'yes',
      meta: { bpmnKind: 'sequenceFlow' },
    })
    expect(edge(draft, 'flow_policy_pay').meta.condition).toBeUndefined()
    expect(edge(draft, 'flow_policy_reject').branch).toBe('no')
    expect(node(draft, 'Receipt')).toMatchObject({ kind: 'artifact', artifact: 'document' })
    expect(node(draft, 'Expense ledger')).toMatchObject({ kind: 'artifact', artifact: 'data' })
    expect(node(draft, 'Card provider')).toMatchObject({ kind: 'artifact', artifact: 'system' })
    expect(edge(draft, 'info_receipt_check')).toMatchObject({
      from: 'artifact_receipt',
      to: 'step_check',
      flow: 'information',
    })
    expect(edge(draft, 'info_pay_ledger')).toMatchObject({
      from: 'step_pay',
      to: 'artifact_ledger',
      flow: 'information',
    })
    expect(edge(draft, 'dependency_reject_submit')).toMatchObject({
      from: 'step_reject',
      to: 'step_submit',
      flow: 'dependency',
    })
    expect(edge(draft, 'info_match_check')).toMatchObject({
      from: 'step_match',
      to: 'step_check',
      flow: 'information',
    })
    expect(node(draft, 'Claims over 500 need a second approver')).toMatchObject({
      kind: 'note',
      meta: { nearNodeId: 'decision_policy' },
    })
    expect(container(draft, 'Review')).toMatchObject({
      kind: 'stage',
      bounds: { x: 280, y: 10, w: 420, h: 400 },
      meta: { order: 1 },
    })
  })

  test('the namespace is found by its URI, whatever prefix binds it', async () => {
    const withFmPrefix = await draftOf(flowmapDialect)
    const rebound = flowmapDialect
      .replaceAll('xmlns:fm=', 'xmlns:flowmap=')
      .replaceAll(' fm:', ' flowmap:')
      .replaceAll('<fm:', '<flowmap:')
    expect(rebound).not.toContain('fm:role')
    expect(await draftOf(rebound)).toEqual(withFmPrefix)
  })

  test('the same attributes under another namespace are not read as Flowmap', async () => {
    const foreign = await draftOf(
      flowmapDialect.replace('https://flowmap.dev/schema/bpmn/1', 'https://example.com/other/1'),
    )
    expect(node(foreign, 'Check receipts')).toMatchObject({ automation: 'manual' })
    expect(node(foreign, 'Card provider')).toMatchObject({ artifact: 'data' })
    expect(foreign.roles.map((r) => r.name)).toEqual(['Employee', 'Finance'])
    expect(edge(foreign, 'dependency_reject_submit').flow).toBe('information')
  })
})

describe('the edges of what modelers write', () => {
  const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL'
  const wrap = (inner: string) =>
    `<bpmn:definitions xmlns:bpmn="${BPMN}" id="Definitions_1" targetNamespace="http://example.com">${inner}</bpmn:definitions>`

  test('a byte order mark before the XML declaration (Windows tools write one) is read past', async () => {
    const draft = await draftOf(`\uFEFF${bizagi}`)
    expect(draft.report.elementCount).toBe(37)
  })

  test('a message flow to a pool drawn as a black box keeps a loose end naming the pool', async () => {
    const draft = await draftOf(
      wrap(`
      <bpmn:collaboration id="C">
        <bpmn:participant id="Pool_shop" name="Shop" processRef="P" />
        <bpmn:participant id="Pool_bank" name="Bank" />
        <bpmn:messageFlow id="M1" name="Payment" sourceRef="Pay" targetRef="Pool_bank" />
      </bpmn:collaboration>
      <bpmn:process id="P"><bpmn:sendTask id="Pay" name="Pay" /></bpmn:process>`),
    )
    expect(draft.containers.map((c) => [c.label, c.pool])).toEqual([
      ['Shop', 'Pool_shop'],
      ['Bank', 'Pool_bank'],
    ])
    expect(node(draft, 'Pay').containerId).toBe('Pool_shop')
    expect(edge(draft, 'M1')).toMatchObject({
      from: 'Pay',
      to: null,
      flow: 'information',
      meta: { targetRef: 'Pool_bank' },
    })
    expect(sentences(draft.report)).toContain('2 pools (participants) became lane groups')
  })

  test('call activities become steps; a data object drawn without a reference becomes an artifact', async () => {
    const draft = await draftOf(
      wrap(`<bpmn:process id="P">
        <bpmn:callActivity id="Call" name="Run credit check" calledElement="credit-check" />
        <bpmn:dataObject id="Doc" name="Contract" />
      </bpmn:process>`),
    )
    expect(node(draft, 'Run credit check')).toMatchObject({
      kind: 'step',
      automation: 'manual',
      meta: { bpmnKind: 'callActivity', calledElement: 'credit-check' },
    })
    expect(node(draft, 'Contract')).toMatchObject({ kind: 'artifact', artifact: 'document' })
    expect(sentences(draft.report)).toEqual([
      '1 call activity became a step',
      '1 data object (drawn without a reference) became a document artifact',
    ])
  })

  test('a lane listing a missing node and an element moddle cannot read are told, not refused', async () => {
    const draft = await draftOf(
      wrap(`<bpmn:process id="P">
        <bpmn:laneSet id="LS"><bpmn:lane id="L" name="Team"><bpmn:flowNodeRef>Gone</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
        <bpmn:task id="T" name="Work" />
        <bpmn:notAnElement id="X" />
      </bpmn:process>`),
    )
    expect(draft.report.notices[0]).toBe(
      "1 references name no element and were ignored: lane L's flowNodeRef 'Gone'",
    )
    expect(draft.report.notices[1]).toBe(
      '1 parts of the file could not be read and were skipped: <bpmn:notAnElement>',
    )
  })

  test('elements the file gives no id are kept, with an id made up for them', async () => {
    const draft = await draftOf(
      wrap(
        `<bpmn:process id="P"><bpmn:task name="Untitled work" /><bpmn:textAnnotation><bpmn:text>Why</bpmn:text></bpmn:textAnnotation></bpmn:process>`,
      ),
    )
    expect(node(draft, 'Untitled work').id).toBe('task-without-id-0')
    expect(node(draft, 'Why').id).toBe('textannotation-without-id-1')
    expect(draft.report.elementCount).toBe(2)
  })

  test('unknown flow elements are kept as notes under their own kind', async () => {
    const draft = await draftOf(
      wrap('<bpmn:process id="P"><bpmn:choreographyTask id="Ch" name="Haggle" /></bpmn:process>'),
    )
    expect(node(draft, 'Haggle (Choreography task)')).toMatchObject({
      kind: 'note',
      meta: { bpmnKind: 'choreographyTask' },
    })
    expect(draft.report.keptAsNotes).toEqual([{ count: 1, what: 'choreography tasks', became: 'notes' }])
  })
})

describe("another modeler's diagram, sized for Flowmap's cards", () => {
  test("a Camunda task gets a card's width and every lane's content clears the lane's name band", async () => {
    const read = await bpmnToDraft(camunda)
    if (!read.ok) throw new Error(read.reason)
    const { draft } = read
    const drawn = asDrawn(draft)
    const task = draft.nodes.find((n) => n.kind === 'step' && n.bounds !== null)!
    const asInFile = drawn.nodes.find((n) => n.id === task.id)!
    expect(asInFile.bounds!.w).toBe(100)
    expect(task.bounds!.w).toBeCloseTo(220, 6)
    for (const lane of draft.containers.filter((c) => c.kind === 'lane')) {
      for (const held of draft.nodes.filter((n) => n.containerId === lane.id && n.bounds !== null)) {
        expect(held.bounds!.x, `${held.label} clears ${lane.label}'s name band`).toBeGreaterThanOrEqual(
          lane.bounds!.x + 132,
        )
        expect(held.bounds!.x + held.bounds!.w).toBeLessThanOrEqual(lane.bounds!.x + lane.bounds!.w)
      }
    }
  })
})
