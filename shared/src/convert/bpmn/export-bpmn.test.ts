import type { TLRecord } from '@tldraw/tlschema'
import { BpmnModdle } from 'bpmn-moddle'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import { lint } from '../../lint/lint.ts'
import type { Role } from '../../schema/role.ts'
import { STEP_AUTOMATIONS, type StepShapeProps } from '../../schema/step.ts'
import { BUILT_IN_TEMPLATES } from '../../templates/built-in-templates.ts'
import {
  approvalRoles,
  cleanApprovalMap,
  connector,
  generateWorkflowMap,
  legalRole,
  noteShape,
  workflowShape,
} from '../../testing.ts'
import type { MapContent } from '../map-content.ts'
import { boardToBpmn } from './export-bpmn.ts'
import flowmapDescriptor from './flowmap-moddle.json' with { type: 'json' }

/** A parsed element, read the way bpmn-moddle hands them out (typed properties plus `get` for extensions). */
type Element = {
  $type: string
  id: string
  name?: string
  get(name: string): unknown
  [property: string]: unknown
}
type Parsed = { root: Element; warnings: readonly { message: string }[]; byId: Record<string, Element> }

async function parse(xml: string, withFlowmap: boolean): Promise<Parsed> {
  const moddle = withFlowmap ? BpmnModdle({ flowmap: flowmapDescriptor }) : BpmnModdle()
  const { rootElement, warnings, elementsById } = await moddle.fromXML(xml)
  return {
    root: rootElement as unknown as Element,
    warnings,
    byId: elementsById as unknown as Record<string, Element>,
  }
}

// bpmnlint is CommonJS with no types; it and its rules and configs are loaded by path, each on demand,
// which works in any ESM host (vitest's module runner included) without Node's require.
type LintReports = Record<string, { id: string; message: string; category: string }[]>
type BpmnLinter = new (options: unknown) => { lint(root: unknown): Promise<LintReports> }
const load = (path: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ path)
const loadDefault = async (path: string) => (await load(path)).default
const Linter = (await load('bpmnlint')).Linter as BpmnLinter
const recommendedLinter = new Linter({
  config: { extends: 'bpmnlint:recommended' },
  resolver: {
    resolveRule: (_pkg: string, name: string) => loadDefault(`bpmnlint/rules/${name}.js`),
    resolveConfig: (_pkg: string, name: string) => loadDefault(`bpmnlint/config/${name}.js`),
  },
})

async function bpmnlintErrors(xml: string): Promise<string[]> {
  const { root } = await parse(xml, false)
  const reports = await recommendedLinter.lint(root)
  return Object.entries(reports).flatMap(([rule, found]) =>
    found
      .filter((report) => report.category === 'error')
      .map((report) => `${rule} ${report.id}: ${report.message}`),
  )
}

type MapCase = readonly [name: string, content: MapContent]

const templateCases: MapCase[] = BUILT_IN_TEMPLATES.map((template) => [
  template.id,
  { title: template.name, roles: template.roles, records: template.records },
])
const cleanApprovalCase: MapCase = [
  'the clean approval map',
  { title: 'Approval', roles: approvalRoles, records: cleanApprovalMap() },
]
const generatedCases: MapCase[] = [
  ['60 nodes', { title: '60 nodes', ...generateWorkflowMap({ nodes: 60, edges: 90, seed: 3 }) }],
  ['800 nodes', { title: '800 nodes', ...generateWorkflowMap({ nodes: 800, edges: 1300, seed: 7 }) }],
]

describe('every export is BPMN bpmn-moddle reads without a warning', () => {
  test.each([...templateCases, ...generatedCases, cleanApprovalCase])(
    '%s, with and without the Flowmap descriptor',
    async (_name, content) => {
      const xml = await boardToBpmn(content)
      for (const withFlowmap of [true, false]) {
        const { root, warnings } = await parse(xml, withFlowmap)
        expect(warnings.map((warning) => warning.message)).toEqual([])
        expect(root.$type).toBe('bpmn:Definitions')
      }
    },
  )

  test('a generated map writes one element per node and connector, each under an id derived from its record', async () => {
    const map = generateWorkflowMap({ nodes: 120, edges: 200, seed: 11 })
    const { byId } = await parse(await boardToBpmn({ title: 'Big', ...map }), true)
    const graph = toWorkflowGraph(map.records, map.roles)
    for (const item of [...graph.nodes, ...graph.edges, ...graph.lanes, ...graph.stages]) {
      expect(byId[item.id.slice('shape:'.length)], item.id).toBeDefined()
    }
  })

  const awkwardText = fc.string({
    unit: fc.oneof(
      fc.constantFrom('\u0000', '\u000B', '\uD800', '\uFFFE', '<', '&', '"', ']]>', 'é'),
      fc.string(),
    ),
    maxLength: 12,
  })
  const smallMap = fc
    .record({
      labels: fc.array(awkwardText, { minLength: 1, maxLength: 8 }),
      kinds: fc.array(fc.constantFrom('step', 'decision', 'event', 'artifact', 'note'), {
        minLength: 8,
        maxLength: 8,
      }),
      links: fc.array(
        fc.record({
          from: fc.nat(9),
          to: fc.nat(9),
          flow: fc.constantFrom('sequence', 'dependency', 'information' as const),
          branch: fc.option(awkwardText, { nil: undefined }),
        }),
        { maxLength: 12 },
      ),
      title: fc.option(awkwardText, { nil: null }),
      roleName: awkwardText,
    })
    .map(({ labels, kinds, links, title, roleName }): MapContent => {
      const records: TLRecord[] = labels.map((label, i) => {
        const id = `n${i}`
        switch (kinds[i]) {
          case 'decision':
            return workflowShape('decision', { id, x: i * 300, props: { question: label } })
          case 'event':
            return workflowShape('event', {
              id,
              x: i * 300,
              props: { kind: i === 0 ? 'start' : 'end', label },
            })
          case 'artifact':
            return workflowShape('artifact', {
              id,
              x: i * 300,
              props: { label, kind: i % 2 ? 'system' : 'document' },
            })
          case 'note':
            return noteShape({ id, x: i * 300, text: label })
          default:
            return workflowShape('step', {
              id,
              x: i * 300,
              props: { label, description: label, owner: 'role:x', automation: STEP_AUTOMATIONS[i % 4]! },
            })
        }
      })
      links.forEach(({ from, to, flow, branch }, i) => {
        const end = (n: number) => (n < labels.length ? `n${n}` : null)
        records.push(
          ...connector({
            id: `c${i}`,
            from: end(from),
            to: end(to),
            flow,
            ...(branch === undefined ? {} : { branch }),
          }),
        )
      })
      return { title, roles: [{ id: 'role:x', name: roleName, color: '#000', kind: 'person' }], records }
    })

  // XML 1.0's Char production. bpmn-moddle's reader passes over characters outside it, stricter readers
  // (a browser's DOMParser, the Java engines) refuse the whole file, so the file is checked against it too.
  const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

  test('any labels, any connectors between any shapes (loose ends too): the file still parses cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(smallMap, async (content) => {
        const xml = await boardToBpmn(content)
        expect(xml).not.toMatch(notXmlChar)
        for (const withFlowmap of [true, false]) {
          const { warnings } = await parse(xml, withFlowmap)
          expect(warnings.map((warning) => warning.message)).toEqual([])
        }
      }),
      { numRuns: 60 },
    )
  })
})

describe('a map that lints clean in Flowmap passes bpmnlint:recommended with no error', () => {
  test.each([...templateCases, cleanApprovalCase])('%s', async (_name, content) => {
    expect(lint(toWorkflowGraph(content.records, content.roles))).toEqual([])
    expect(await bpmnlintErrors(await boardToBpmn(content))).toEqual([])
  })

  test('bpmnlint is a real check here: an unclean map (a decision without conditions, a dead end) fails it', async () => {
    const records = [
      workflowShape('event', { id: 'start', props: { kind: 'start' } }),
      workflowShape('decision', { id: 'd', x: 200, props: { question: 'Which?' } }),
      workflowShape('step', { id: 'a', x: 400, props: { label: 'A' } }),
      workflowShape('step', { id: 'b', x: 400, y: 300, props: { label: 'B' } }),
      ...connector({ id: 'c1', from: 'start', to: 'd' }),
      ...connector({ id: 'c2', from: 'd', to: 'a', branch: 'left' }),
      ...connector({ id: 'c3', from: 'd', to: 'b' }),
    ]
    expect(lint(toWorkflowGraph(records, []))).not.toEqual([])
    const errors = await bpmnlintErrors(await boardToBpmn({ title: 'Unclean', roles: [], records }))
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('conditional-flows c3'),
        expect.stringContaining('end-event-required'),
      ]),
    )
  })
})

describe('each row of docs/bpmn-dialect.md', () => {
  const owner: Role = { id: 'role:ops', name: 'Ops', color: '#0a0', kind: 'team' }
  /**
   * stage "Run" (order 2) at (1000, 50) ⊃ lane "Legal" at (10, 20) ⊃ step "Draft" at (100, 40);
   * start → Draft → Ship? ─yes→ Send → end, ─no→ Drop → end; Draft → contract (document) → Send;
   * Send → CRM (system); Send ┄dependency┄ Draft; Drop ·information· Send; a note.
   */
  const step = (id: string, at: { x: number; y: number }, props: Partial<StepShapeProps>) =>
    workflowShape('step', { id, ...at, props })

  function smallBoard(): MapContent {
    return {
      title: 'Contracts',
      roles: [legalRole, owner],
      records: [
        workflowShape('stage', {
          id: 'stage',
          x: 1000,
          y: 50,
          props: { label: 'Run', order: 2, w: 2000, h: 900 },
        }),
        workflowShape('lane', {
          id: 'lane',
          parentId: 'shape:stage',
          x: 10,
          y: 20,
          props: { label: 'Legal', roleId: legalRole.id, w: 1900, h: 400 },
        }),
        workflowShape('event', {
          id: 'start',
          parentId: 'shape:lane',
          x: 0,
          y: 40,
          props: { kind: 'start' },
        }),
        workflowShape('step', {
          id: 'draft',
          parentId: 'shape:lane',
          x: 100,
          y: 40,
          props: {
            label: 'Draft',
            description: 'Write it up',
            owner: owner.id,
            status: 'doing',
            estimate: 2.5,
          },
        }),
        workflowShape('decision', {
          id: 'ship',
          parentId: 'shape:lane',
          x: 400,
          y: 40,
          props: { question: 'Ship?' },
        }),
        step('send', { x: 1800, y: 600 }, { label: 'Send', automation: 'automated' }),
        step('drop', { x: 1800, y: 800 }, { label: 'Drop', automation: 'assisted' }),
        step('agent', { x: 2100, y: 800 }, { label: 'Triage', automation: 'ai-agent' }),
        workflowShape('artifact', { id: 'contract', x: 1500, y: 700, props: { label: 'Contract' } }),
        workflowShape('artifact', { id: 'crm', x: 2100, y: 600, props: { label: 'CRM', kind: 'system' } }),
        workflowShape('event', { id: 'end', x: 2400, y: 700, props: { kind: 'end', label: 'Done' } }),
        noteShape({ id: 'note', x: 3000, y: 0, text: 'Ask legal first' }),
        ...connector({ id: 'f1', from: 'start', to: 'draft' }),
        ...connector({ id: 'f2', from: 'draft', to: 'ship' }),
        ...connector({ id: 'f3', from: 'ship', to: 'send', branch: 'yes' }),
        ...connector({ id: 'f4', from: 'ship', to: 'drop', text: 'no' }),
        ...connector({ id: 'f5', from: 'send', to: 'end' }),
        ...connector({ id: 'f6', from: 'drop', to: 'agent' }),
        ...connector({ id: 'f7', from: 'agent', to: 'end' }),
        ...connector({ id: 'i1', from: 'draft', to: 'contract', flow: 'information' }),
        ...connector({ id: 'i2', from: 'contract', to: 'send', flow: 'information' }),
        ...connector({ id: 'i3', from: 'send', to: 'crm', flow: 'information' }),
        ...connector({ id: 'i4', from: 'drop', to: 'send', flow: 'information' }),
        ...connector({ id: 'dep', from: 'send', to: 'draft', flow: 'dependency' }),
      ],
    }
  }

  async function exported(content: MapContent = smallBoard()) {
    const xml = await boardToBpmn(content)
    const parsed = await parse(xml, true)
    expect(parsed.warnings).toEqual([])
    return { xml, ...parsed }
  }

  test('the board is a collaboration with one participant named by the title, and its process', async () => {
    const { root, byId } = await exported()
    const collaboration = (root.rootElements as Element[]).find((e) => e.$type === 'bpmn:Collaboration')!
    const participants = collaboration.participants as Element[]
    expect(participants.map((p) => p.name)).toEqual(['Contracts'])
    expect((participants[0]!.processRef as Element).$type).toBe('bpmn:Process')
    expect(byId.draft!.$parent).toBe(participants[0]!.processRef)
  })

  test('roles are flowmap:role elements in the process', async () => {
    const { root } = await exported()
    const process = (root.rootElements as Element[]).find((e) => e.$type === 'bpmn:Process')!
    const values = (process.extensionElements as Element).values as Element[]
    expect(values.map((v) => [v.$type, v.get('id'), v.get('name'), v.get('kind')])).toEqual([
      ['flowmap:Role', legalRole.id, 'Legal', 'team'],
      ['flowmap:Role', owner.id, 'Ops', 'team'],
    ])
  })

  test('a lane names its role and lists the flow nodes in it; an artifact is no flow node, so it is not listed', async () => {
    const { byId } = await exported()
    const lane = byId.lane!
    expect([lane.$type, lane.name, lane.get('flowmap:roleId')]).toEqual(['bpmn:Lane', 'Legal', legalRole.id])
    expect((lane.flowNodeRef as Element[]).map((e) => e.id).sort()).toEqual(['draft', 'ship', 'start'])
  })

  test('a stage is a group whose category value is its label, with flowmap:order', async () => {
    const { byId } = await exported()
    const group = byId.stage!
    expect([group.$type, (group.categoryValueRef as Element).value, group.get('flowmap:order')]).toEqual([
      'bpmn:Group',
      'Run',
      2,
    ])
  })

  test('task type by automation: manual and assisted are user tasks, automated and AI agent service tasks', async () => {
    const { byId } = await exported()
    const task = (id: string) => [byId[id]!.$type, byId[id]!.get('flowmap:automation')]
    expect(task('draft')).toEqual(['bpmn:UserTask', undefined])
    expect(task('drop')).toEqual(['bpmn:UserTask', 'assisted'])
    expect(task('send')).toEqual(['bpmn:ServiceTask', undefined])
    expect(task('agent')).toEqual(['bpmn:ServiceTask', 'ai-agent'])
  })

  test("a step's owner, status and estimate are flowmap attributes, its description the documentation", async () => {
    const { byId, xml } = await exported()
    const draft = byId.draft!
    expect([draft.get('flowmap:owner'), draft.get('flowmap:status'), draft.get('flowmap:estimate')]).toEqual([
      owner.id,
      'doing',
      2.5,
    ])
    expect((draft.documentation as Element[]).map((d) => d.text)).toEqual(['Write it up'])
    // An inherited owner is the lane's role, not the step's: it is not written on the step.
    expect(byId.start!.get('flowmap:owner')).toBeUndefined()
    expect(xml).toContain('flowmap:owner="role:ops"')
  })

  test('a decision is an exclusive gateway named by its question; a branch label is the flow name and its condition', async () => {
    const { byId } = await exported()
    expect([byId.ship!.$type, byId.ship!.name]).toEqual(['bpmn:ExclusiveGateway', 'Ship?'])
    const branch = (id: string) => [
      byId[id]!.name,
      (byId[id]!.conditionExpression as Element | undefined)?.body,
    ]
    expect(branch('f3')).toEqual(['yes', 'yes'])
    // The arrow's own text is a branch label too.
    expect(branch('f4')).toEqual(['no', 'no'])
    expect(branch('f2')).toEqual([undefined, undefined])
    expect((byId.ship!.outgoing as Element[]).map((f) => f.id)).toEqual(['f3', 'f4'])
  })

  test('a decision imported as another gateway is written back as that gateway, with no conditions on a parallel split', async () => {
    const content = smallBoard()
    const records = content.records.map((record) =>
      record.id === 'shape:ship' ? { ...record, meta: { bpmnKind: 'parallelGateway' } } : record,
    )
    const { byId } = await exported({ ...content, records })
    expect(byId.ship!.$type).toBe('bpmn:ParallelGateway')
    expect([byId.f3!.name, byId.f3!.conditionExpression]).toEqual(['yes', undefined])
  })

  test('a step keeps its imported task type while its automation still fits it', async () => {
    const script = workflowShape('step', {
      id: 's',
      meta: { bpmnKind: 'scriptTask' },
      props: { label: 'S', automation: 'automated' },
    })
    const madeManual = {
      ...script,
      id: 'shape:m' as typeof script.id,
      props: { ...script.props, automation: 'manual' as const },
    }
    const { byId } = await exported({ title: 't', roles: [], records: [script, madeManual] })
    expect([byId.s!.$type, byId.m!.$type]).toEqual(['bpmn:ScriptTask', 'bpmn:UserTask'])
  })

  test('start and end events; an unlabelled shape gets a name BPMN tools show, marked flowmap:nameless', async () => {
    const { byId } = await exported()
    expect([byId.start!.$type, byId.start!.name, byId.start!.get('flowmap:nameless')]).toEqual([
      'bpmn:StartEvent',
      'Start',
      true,
    ])
    expect([byId.end!.$type, byId.end!.name, byId.end!.get('flowmap:nameless')]).toEqual([
      'bpmn:EndEvent',
      'Done',
      undefined,
    ])
  })

  test('a document is a data object reference, a system a data store reference with flowmap:artifactKind', async () => {
    const { byId } = await exported()
    expect([byId.contract!.$type, (byId.contract!.dataObjectRef as Element).$type]).toEqual([
      'bpmn:DataObjectReference',
      'bpmn:DataObject',
    ])
    expect([byId.crm!.$type, byId.crm!.get('flowmap:artifactKind')]).toEqual([
      'bpmn:DataStoreReference',
      'system',
    ])
  })

  test('information connectors between a task and an artifact are data associations on the task', async () => {
    const { byId } = await exported()
    expect(
      (byId.draft!.dataOutputAssociations as Element[]).map((a) => [a.id, (a.targetRef as Element).id]),
    ).toEqual([['i1', 'contract']])
    const input = (byId.send!.dataInputAssociations as Element[])[0]!
    expect([input.id, (input.sourceRef as Element[]).map((e) => e.id)]).toEqual(['i2', ['contract']])
    expect((byId.send!.dataOutputAssociations as Element[]).map((a) => (a.targetRef as Element).id)).toEqual([
      'crm',
    ])
    expect(input.get('flowmap:flow')).toBeUndefined()
  })

  test('a dependency, and information between two flow nodes, are associations with flowmap:flow', async () => {
    const { byId } = await exported()
    const association = (id: string) => {
      const a = byId[id]!
      return [a.$type, (a.sourceRef as Element).id, (a.targetRef as Element).id, a.get('flowmap:flow')]
    }
    expect(association('dep')).toEqual(['bpmn:Association', 'send', 'draft', 'dependency'])
    expect(association('i4')).toEqual(['bpmn:Association', 'drop', 'send', 'information'])
  })

  test('a sticky note is a text annotation', async () => {
    const { byId } = await exported()
    expect([byId.note!.$type, byId.note!.text]).toEqual(['bpmn:TextAnnotation', 'Ask legal first'])
  })

  test("DI bounds are each shape's page bounds (parent offsets added), edges touch their shapes' outlines", async () => {
    const { root } = await exported()
    const plane = ((root.diagrams as Element[])[0]!.plane as Element).planeElement as Element[]
    const diOf = (id: string) => plane.find((di) => (di.bpmnElement as Element).id === id)!
    const bounds = (id: string) => {
      const b = diOf(id).bounds as Element
      return [b.x, b.y, b.width, b.height]
    }
    // stage (1000, 50) + lane (10, 20) + step (100, 40); the step is 220 × 120 by default.
    expect(bounds('draft')).toEqual([1110, 110, 220, 120])
    expect(bounds('lane')).toEqual([1010, 70, 1900, 400])
    expect(bounds('stage')).toEqual([1000, 50, 2000, 900])
    expect(bounds('crm')).toEqual([2100, 600, 170, 100])
    expect(bounds('note')).toEqual([3000, 0, 200, 200])
    expect(diOf('lane').isHorizontal).toBe(true)
    // start (1010, 110, 64 × 64) → draft (1110, 110, 220 × 120): from the circle's right to the box's left.
    const points = (diOf('f1').waypoint as Element[]).map((p) => [p.x, p.y])
    expect(points[1]![0]).toBe(1110)
    const [sx, sy] = points[0]!
    expect(Math.hypot((sx as number) - 1042, (sy as number) - 142)).toBeCloseTo(32, 1)
    // Every element that has a place on the canvas is drawn.
    for (const id of ['start', 'draft', 'ship', 'send', 'contract', 'end', 'f3', 'i1', 'i2', 'dep']) {
      expect(diOf(id), id).toBeDefined()
    }
  })

  test('ids are unique NCNames derived from record ids, whatever the record ids hold', async () => {
    const records = [
      workflowShape('step', { id: 'shape:1 a:b', props: { label: 'one' } }),
      workflowShape('step', { id: 'shape:1 a_b', props: { label: 'two' } }),
      workflowShape('step', { id: 'shape:Process_board', props: { label: 'three' } }),
      ...connector({ id: 'x', from: 'shape:1 a:b', to: 'shape:1 a_b' }),
    ]
    const { xml, byId } = await exported({ title: null, roles: [], records })
    const ids = [...xml.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]!)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/)
    expect([byId._1_a_b!.name, byId._1_a_b_2!.name, byId.Process_board!.name]).toEqual([
      'one',
      'two',
      'three',
    ])
  })

  test('a connector with a loose end is an association from its bound end, drawn to where the arrow ends', async () => {
    const records = [
      workflowShape('step', { id: 'a', props: { label: 'A' } }),
      ...connector({ id: 'loose', from: 'a', to: null }),
    ]
    const { byId, root } = await exported({ title: 't', roles: [], records })
    const loose = byId.loose!
    expect([
      loose.$type,
      (loose.sourceRef as Element).id,
      loose.targetRef,
      loose.get('flowmap:flow'),
    ]).toEqual(['bpmn:Association', 'a', undefined, 'sequence'])
    const plane = ((root.diagrams as Element[])[0]!.plane as Element).planeElement as Element[]
    const edge = plane.find((di) => (di.bpmnElement as Element).id === 'loose')!
    // The builder's arrow ends at (100, 0) in its own space, on the page at the origin.
    expect((edge.waypoint as Element[]).map((p) => [p.x, p.y])[1]).toEqual([100, 0])
  })

  test('an empty board is a pool with no process, which bpmnlint accepts', async () => {
    const { root } = await exported({ title: 'Empty', roles: [], records: [] })
    expect((root.rootElements as Element[]).map((e) => e.$type)).toEqual(['bpmn:Collaboration'])
    expect(await bpmnlintErrors(await boardToBpmn({ title: 'Empty', roles: [], records: [] }))).toEqual([])
  })
})
