import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { connector, noteShape, workflowShape } from '../testing/shape-records.ts'
import {
  MAX_ASSET_RECORD_CHARS,
  MAX_BRANCH_LABEL_CHARS,
  MAX_DESCRIPTION_CHARS,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_RECORD_CHARS,
} from './limits.ts'
import { recordLimitFailure } from './record-limits.ts'
import { validateRecord } from './validate-record.ts'
import { WORKFLOW_SHAPE_TYPES } from './workflow-shapes.ts'

function withProps(record: object, props: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(record) as { props: Record<string, unknown> }
  Object.assign(copy.props, props)
  return copy
}

function messageOf(record: unknown, written?: 'whole' | Set<string>): string | null {
  const checked = validateRecord(record, written === undefined ? {} : { written })
  return checked.ok ? null : checked.error.message
}

/** Each limited string field of the workflow shapes and the connector, with its limit. */
const LIMITED_FIELDS = [
  { type: 'step', prop: 'label', max: MAX_LABEL_CHARS },
  { type: 'step', prop: 'description', max: MAX_DESCRIPTION_CHARS },
  { type: 'step', prop: 'owner', max: MAX_ID_CHARS },
  { type: 'stage', prop: 'label', max: MAX_LABEL_CHARS },
  { type: 'lane', prop: 'label', max: MAX_LABEL_CHARS },
  { type: 'lane', prop: 'roleId', max: MAX_ID_CHARS },
  { type: 'decision', prop: 'question', max: MAX_LABEL_CHARS },
  { type: 'artifact', prop: 'label', max: MAX_LABEL_CHARS },
  { type: 'event', prop: 'label', max: MAX_LABEL_CHARS },
] as const

describe('record limits', () => {
  test.each(LIMITED_FIELDS)(
    '$type props.$prop: at the limit passes, one over names both numbers',
    ({ type, prop, max }) => {
      const shape = workflowShape(type, { id: 'abc' })
      expect(messageOf(withProps(shape, { [prop]: 'x'.repeat(max) }))).toBeNull()
      expect(messageOf(withProps(shape, { [prop]: 'x'.repeat(max + 1) }))).toBe(
        `${type} shape:abc: props.${prop} is ${(max + 1).toLocaleString('en-US')} characters; at most ${max.toLocaleString('en-US')}`,
      )
    },
  )

  test('the example from the refusal protocol: a 5 MB step label', () => {
    const step = workflowShape('step', { id: 'abc', props: { label: 'x'.repeat(5_000_012) } })
    expect(messageOf(step)).toBe('step shape:abc: props.label is 5,000,012 characters; at most 500')
  })

  test("a connector's branch label and any record's id are limited", () => {
    const [arrow] = connector({
      id: 'c1',
      from: 'a',
      to: 'b',
      branch: 'b'.repeat(MAX_BRANCH_LABEL_CHARS + 1),
    })
    expect(messageOf(arrow)).toBe(
      `arrow shape:c1: meta.branch is ${MAX_BRANCH_LABEL_CHARS + 1} characters; at most ${MAX_BRANCH_LABEL_CHARS}`,
    )
    const longId = `shape:${'i'.repeat(MAX_ID_CHARS)}`
    expect(messageOf({ ...workflowShape('event', { id: 'x' }), id: longId })).toMatch(
      new RegExp(`^event shape:i+…: id is ${longId.length} characters; at most ${MAX_ID_CHARS}$`),
    )
  })

  test('a rich-text note of several pages fits; a record over the size limit does not', () => {
    const page = 'A paragraph of meeting notes that runs on for a while. '.repeat(55)
    const note = noteShape('shape:n', Array.from({ length: 10 }, () => page).join('\n'))
    expect(JSON.stringify(note).length).toBeGreaterThan(30_000)
    expect(messageOf(note)).toBeNull()
    const huge = { ...note, meta: { pad: 'p'.repeat(MAX_RECORD_CHARS) } }
    expect(messageOf(huge)).toMatch(
      new RegExp(
        `^note shape:n: the record is [\\d,]+ characters as JSON; at most ${MAX_RECORD_CHARS.toLocaleString('en-US')}$`,
      ),
    )
  })

  test('NaN, Infinity, binary data and deep JSON are refused anywhere in a record', () => {
    const step = workflowShape('step', { id: 's' })
    expect(messageOf({ ...step, x: Number.NaN })).toBe(
      'step shape:s: x is NaN; only finite numbers are allowed',
    )
    expect(messageOf({ ...step, meta: { a: [Number.POSITIVE_INFINITY] } })).toBe(
      'step shape:s: meta.a[0] is Infinity; only finite numbers are allowed',
    )
    expect(messageOf(withProps(step, { label: new Uint8Array([1]) }))).toBe(
      'step shape:s: props.label is binary data (Uint8Array); only JSON values are allowed',
    )
    let deep: unknown = 1
    for (let level = 0; level < 3000; level++) deep = { d: deep }
    expect(messageOf({ ...step, meta: { deep } })).toMatch(
      /^step shape:s: meta\.deep(\.d)+ is nested more than 32 levels deep/,
    )
  })

  test('limits hold against the written fields only: a value stored before them does not block other edits', () => {
    const stored = workflowShape('step', { id: 'old', props: { label: 'x'.repeat(MAX_LABEL_CHARS * 4) } })
    expect(messageOf(stored, new Set(['x', 'y']))).toBeNull()
    expect(messageOf(stored, new Set(['props.status']))).toBeNull()
    expect(messageOf(stored, new Set(['props.label']))).toMatch(
      /props\.label is 2,000 characters; at most 500/,
    )
    expect(messageOf(stored, new Set(['props']))).toMatch(/props\.label is 2,000/)
    expect(messageOf(stored)).toMatch(/props\.label is 2,000/)
  })

  test('the size limit holds only against a write that could grow the record', () => {
    const big = { ...workflowShape('step', { id: 'big' }), meta: { pad: 'p'.repeat(MAX_RECORD_CHARS) } }
    expect(recordLimitFailure(big, new Set(['x']))).toBeNull()
    expect(recordLimitFailure(big, new Set(['props.label']))?.reason).toMatch(/characters as JSON/)
  })
})

describe('record limits, as properties', () => {
  const shapeType = fc.constantFrom(...WORKFLOW_SHAPE_TYPES)
  const text = (max: number) => fc.string({ maxLength: Math.min(max, 60) })

  test('any workflow shape with in-limit strings validates and round-trips unchanged', () => {
    fc.assert(
      fc.property(
        shapeType,
        text(MAX_LABEL_CHARS),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (type, label, x) => {
          const field = LIMITED_FIELDS.find((limited) => limited.type === type)!
          const shape = withProps({ ...workflowShape(type, { id: 'p' }), x }, { [field.prop]: label })
          const checked = validateRecord(shape)
          expect(checked).toEqual({ ok: true, record: shape })
        },
      ),
    )
  })

  test('any limited field over its limit is refused, naming the field and both numbers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LIMITED_FIELDS),
        fc.integer({ min: 1, max: 2000 }),
        ({ type, prop, max }, over) => {
          const shape = withProps(workflowShape(type, { id: 'p' }), { [prop]: 'y'.repeat(max + over) })
          expect(messageOf(shape)).toBe(
            `${type} shape:p: props.${prop} is ${(max + over).toLocaleString('en-US')} characters; at most ${max.toLocaleString('en-US')}`,
          )
        },
      ),
    )
  })

  test('a non-finite number anywhere in meta is refused', () => {
    const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)
    const withBadLeaf = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        nonFinite,
        fc.tuple(fc.jsonValue({ maxDepth: 2 }), tie('tree')).map(([other, bad]) => [other, bad]),
        fc.tuple(fc.string(), tie('tree')).map(([key, bad]) => ({ [`k${key}`]: bad })),
      ),
    })).tree
    fc.assert(
      fc.property(withBadLeaf, (meta) => {
        const step = { ...workflowShape('step', { id: 'm' }), meta: { value: meta } }
        expect(messageOf(step)).toMatch(
          /is (NaN|Infinity|-Infinity); only finite numbers are allowed|nested more than 32/,
        )
      }),
    )
  })
})

test('a refusal stays short when the refused value or field name is huge', () => {
  const step = workflowShape('step', { id: 'abc' })
  for (const record of [
    withProps(step, { status: 's'.repeat(1_000_000) }),
    withProps(step, { ['k'.repeat(1_000_000)]: 1 }),
    { ...step, type: 't'.repeat(1_000_000) },
    { ...step, typeName: 'n'.repeat(1_000_000) },
  ]) {
    expect(messageOf(record)!.length).toBeLessThan(300)
  }
})

test('an image asset inline as a data URL (tldraw with no asset store) has the larger asset limit', () => {
  const image = {
    id: 'asset:img',
    typeName: 'asset',
    type: 'image',
    props: { name: 'photo.png', src: `data:image/png;base64,${'A'.repeat(2_000_000)}`, w: 800, h: 600 },
    meta: {},
  }
  expect(recordLimitFailure(image)).toBeNull()
  const tooBig = { ...image, props: { ...image.props, src: 'A'.repeat(MAX_ASSET_RECORD_CHARS) } }
  expect(recordLimitFailure(tooBig)?.reason).toMatch(/characters as JSON; at most 8,388,608/)
})
