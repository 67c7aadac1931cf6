import type { TLRecord, TLShape } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Role } from '../schema/role.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { BUILT_IN_TEMPLATES } from '../templates/built-in-templates.ts'
import { generateWorkflowMap } from '../testing/generate-workflow-map.ts'
import { noteShape } from '../testing/shape-records.ts'
import type { MapContent } from './map-content.ts'
import { contentBounds, placeContent } from './place-content.ts'

function counter(prefix = 'n'): () => string {
  let next = 0
  return () => `${prefix}${next++}`
}

const contents: MapContent[] = [
  ...BUILT_IN_TEMPLATES.map((template) => ({
    title: template.name,
    roles: template.roles,
    records: template.records,
  })),
  (() => {
    const map = generateWorkflowMap({ nodes: 60, edges: 80, seed: 3 })
    return { title: null, roles: map.roles, records: map.records }
  })(),
].filter((content) => content.records.length > 0)

function shapes(records: readonly TLRecord[]): TLShape[] {
  return records.filter((record): record is TLShape => record.typeName === 'shape')
}

function centre(records: readonly TLRecord[]) {
  const box = contentBounds(records)!
  return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
}

describe('placeContent', () => {
  it('gives every shape and binding an id the content never had, and every one still validates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...contents),
        fc.option(fc.record({ x: fc.integer(), y: fc.integer() })),
        (content, at) => {
          const placed = placeContent(content, { at, existingRoles: [], newId: counter() })
          const original = new Set(content.records.map((record) => record.id as string))
          const ids = placed.records.map((record) => record.id as string)
          expect(new Set(ids).size).toBe(ids.length)
          for (const id of ids) expect(original.has(id)).toBe(false)
          for (const record of placed.records) expect(validateRecord(record)).toMatchObject({ ok: true })
        },
      ),
      { numRuns: 30 },
    )
  })

  it('keeps parents, bindings and pools pointing at the remapped shapes', () => {
    for (const content of contents) {
      const placed = placeContent(content, { at: { x: 0, y: 0 }, existingRoles: [], newId: counter() })
      const placedIds = new Set(placed.records.map((record) => record.id as string))
      const before = content.records.filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
      expect(placed.records).toHaveLength(before.length)
      before.forEach((record, i) => {
        const after = placed.records[i]!
        if (record.typeName === 'binding' && after.typeName === 'binding') {
          const from = before.findIndex((r) => r.id === record.fromId)
          const to = before.findIndex((r) => r.id === record.toId)
          expect(after.fromId).toBe(placed.records[from]!.id)
          expect(after.toId).toBe(placed.records[to]!.id)
        }
        if (record.typeName === 'shape' && after.typeName === 'shape') {
          const parent = before.findIndex((r) => r.id === record.parentId)
          if (parent >= 0) expect(after.parentId).toBe(placed.records[parent]!.id)
          else expect(placedIds.has(after.parentId)).toBe(false)
        }
      })
      // Shapes that shared a pool still share one, and no pool id is the content's own.
      const poolPairs = new Map<unknown, unknown>()
      before.forEach((record, i) => {
        const after = placed.records[i]!
        if (record.typeName !== 'shape' || after.typeName !== 'shape') return
        if (record.meta.pool === undefined) {
          expect(after.meta.pool).toBeUndefined()
          return
        }
        expect(after.meta.pool).not.toBe(record.meta.pool)
        if (poolPairs.has(record.meta.pool)) expect(after.meta.pool).toBe(poolPairs.get(record.meta.pool))
        poolPairs.set(record.meta.pool, after.meta.pool)
      })
    }
  })

  it("centres the content's bounding box on the drop point and moves top-level shapes only", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...contents),
        fc.record({ x: fc.integer({ min: -1e5, max: 1e5 }), y: fc.integer({ min: -1e5, max: 1e5 }) }),
        (content, at) => {
          const placed = placeContent(content, { at, existingRoles: [], newId: counter() })
          const middle = centre(placed.records)
          expect(middle.x).toBeCloseTo(at.x, 6)
          expect(middle.y).toBeCloseTo(at.y, 6)
          const before = shapes(content.records)
          const after = shapes(placed.records)
          const topLevel = new Set(
            before.filter((s) => !before.some((p) => p.id === s.parentId)).map((s) => s.id),
          )
          const moved = { x: after[0]!.x - before[0]!.x, y: after[0]!.y - before[0]!.y }
          before.forEach((shape, i) => {
            const delta = topLevel.has(shape.id) ? moved : { x: 0, y: 0 }
            expect(after[i]!.x - shape.x).toBeCloseTo(delta.x, 6)
            expect(after[i]!.y - shape.y).toBeCloseTo(delta.y, 6)
          })
        },
      ),
      { numRuns: 30 },
    )
  })

  it('leaves positions as they are when there is no drop point', () => {
    const content = contents[0]!
    const placed = placeContent(content, { at: null, existingRoles: [], newId: counter() })
    expect(shapes(placed.records).map((s) => [s.x, s.y])).toEqual(
      shapes(content.records).map((s) => [s.x, s.y]),
    )
  })

  it('counts a note by its square and grown height in the bounding box', () => {
    const note = noteShape({ id: 'note', x: 100, y: 100 })
    const box = contentBounds([{ ...note, props: { ...note.props, growY: 40 } }])
    expect(box).toEqual({ minX: 100, minY: 100, maxX: 300, maxY: 340 })
  })

  it("reuses a board's role with the same name (trimmed, any case) and gives other roles fresh ids", () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.roles.length >= 2)!
    const [first, ...others] = template.roles
    const existing: Role = {
      id: 'role:board-own',
      name: ` ${first!.name.toUpperCase()}  `,
      color: '#000',
      kind: 'team',
    }
    const placed = placeContent(
      { title: null, roles: template.roles, records: template.records },
      { at: null, existingRoles: [existing], newId: counter('x') },
    )
    expect(placed.roles.map((role) => role.name)).toEqual(others.map((role) => role.name))
    for (const role of placed.roles) expect(template.roles.some((r) => r.id === role.id)).toBe(false)
    const newIdOf = new Map(others.map((role, i) => [role.id, placed.roles[i]!.id]))
    newIdOf.set(first!.id, existing.id)
    const before = shapes(template.records)
    const after = shapes(placed.records)
    let lanesChecked = 0
    before.forEach((shape, i) => {
      const props = shape.props as { roleId?: string | null; owner?: string | null }
      const placedProps = after[i]!.props as typeof props
      if (shape.type === 'lane' && props.roleId) {
        expect(placedProps.roleId).toBe(newIdOf.get(props.roleId))
        lanesChecked++
      }
      if (shape.type === 'step' && props.owner) expect(placedProps.owner).toBe(newIdOf.get(props.owner))
    })
    expect(lanesChecked).toBeGreaterThan(0)
  })

  it("puts shapes from another board's page on this board's page", () => {
    const note = { ...noteShape({ id: 'far' }), parentId: 'page:elsewhere' as TLShape['parentId'] }
    const placed = placeContent(
      { title: null, roles: [], records: [note] },
      { at: null, existingRoles: [], newId: counter() },
    )
    expect(shapes(placed.records).map((shape) => shape.parentId)).toEqual(['page:page'])
  })

  it('gives the same answer for the same ids', () => {
    const content = contents.at(-1)!
    const options = { at: { x: 10, y: 20 }, existingRoles: [] }
    expect(placeContent(content, { ...options, newId: counter() })).toEqual(
      placeContent(content, { ...options, newId: counter() }),
    )
  })
})
