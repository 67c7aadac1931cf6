import { expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import { lint } from '../lint/lint.ts'
import { validateRoleWrite } from '../schema/role.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { BUILT_IN_TEMPLATES, builtInTemplate } from './built-in-templates.ts'

const ISSUE_TEMPLATES = [
  'blank',
  'swimlane',
  'sipoc',
  'value-stream',
  'incident-response',
  'approval',
  'ai-content',
  'raci-kickoff',
]

test('the picker offers every template the workshop issue names, each once', () => {
  expect(BUILT_IN_TEMPLATES.map((template) => template.id)).toEqual(ISSUE_TEMPLATES)
  for (const id of ISSUE_TEMPLATES) expect(builtInTemplate(id)?.id).toBe(id)
  expect(builtInTemplate('no-such-template')).toBeNull()
})

test.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const))(
  'every record of the %s template passes validateRecord as a new write',
  (_id, template) => {
    for (const record of template.records) {
      const checked = validateRecord(record)
      expect(checked.ok ? null : checked.error.message, record.id).toBeNull()
    }
    const ids = template.records.map((record) => record.id)
    expect(new Set(ids).size, 'record ids are unique').toBe(ids.length)
  },
)

test.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const))(
  'the %s template lints clean and its roles are valid and used',
  (_id, template) => {
    for (const role of template.roles) {
      const checked = validateRoleWrite(role)
      expect(checked.ok ? null : checked.error.message).toBeNull()
    }
    expect(new Set(template.roles.map((role) => role.id)).size).toBe(template.roles.length)
    const graph = toWorkflowGraph(template.records, template.roles)
    expect(lint(graph)).toEqual([])
    // Every role owns something on the map: a template names no one it does not use.
    const owners = new Set([
      ...graph.nodes.map((node) => node.owner),
      ...graph.lanes.map((lane) => lane.roleId),
    ])
    for (const role of template.roles) expect(owners, role.name).toContain(role.id)
  },
)

test.each(BUILT_IN_TEMPLATES.filter((template) => template.id !== 'blank').map((t) => [t.id, t] as const))(
  'the %s template is a map: a start, an end, steps with owners and every connector bound at both ends',
  (_id, template) => {
    const graph = toWorkflowGraph(template.records, template.roles)
    const kinds = graph.nodes.map((node) => (node.shape.type === 'event' ? node.shape.props.kind : node.type))
    expect(kinds).toContain('start')
    expect(kinds).toContain('end')
    expect(graph.nodes.filter((node) => node.type === 'step').every((node) => node.owner !== null)).toBe(true)
    expect(graph.edges.length).toBeGreaterThan(0)
    for (const edge of graph.edges) expect([edge.from, edge.to]).not.toContain(null)
  },
)

test.each(BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const))(
  'the cards of the %s template sit inside their container and do not overlap',
  (_id, template) => {
    const shapes = template.records.flatMap((record) => (record.typeName === 'shape' ? [record] : []))
    const byId = new Map(shapes.map((shape) => [shape.id, shape]))
    const cards = shapes.filter((shape) => shape.type !== 'arrow' && 'w' in shape.props)
    const box = (shape: (typeof shapes)[number]) => {
      const parent = byId.get(shape.parentId as (typeof shapes)[number]['id'])
      const props = shape.props as { w: number; h: number }
      return { x: shape.x + (parent?.x ?? 0), y: shape.y + (parent?.y ?? 0), w: props.w, h: props.h }
    }
    for (const card of cards) {
      const parent = byId.get(card.parentId as (typeof shapes)[number]['id'])
      if (!parent) continue
      const props = parent.props as { w: number; h: number }
      expect(card.x, card.id).toBeGreaterThanOrEqual(0)
      expect(card.y, card.id).toBeGreaterThanOrEqual(0)
      expect(card.x + (card.props as { w: number }).w, card.id).toBeLessThanOrEqual(props.w)
      expect(card.y + (card.props as { h: number }).h, card.id).toBeLessThanOrEqual(props.h)
    }
    const leaves = cards
      .filter((shape) => shape.type !== 'lane' && shape.type !== 'stage')
      .map((s) => [s.id, box(s)] as const)
    for (const [i, [idA, a]] of leaves.entries()) {
      for (const [idB, b] of leaves.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
        expect(overlap, `${idA} overlaps ${idB}`).toBe(false)
      }
    }
  },
)
