import { describe, expect, test } from 'vitest'
import { connector, documentRecord, pageRecord, workflowShape } from '../testing/shape-records.ts'
import { flowmapSchema } from './flowmap-schema.ts'
import { type RecordValidation, validateRecord } from './validate-record.ts'
import { WORKFLOW_SHAPE_TYPES } from './workflow-shapes.ts'

function refusal(result: RecordValidation) {
  if (result.ok) throw new Error(`expected a refusal, got ok for ${JSON.stringify(result.record)}`)
  return result.error
}

function withProps(record: object, props: Record<string, unknown>): unknown {
  const copy = structuredClone(record) as { props: Record<string, unknown> }
  Object.assign(copy.props, props)
  return copy
}

describe('validateRecord accepts', () => {
  test.each(WORKFLOW_SHAPE_TYPES)('a default %s shape', (type) => {
    const shape = workflowShape(type, { id: `a-${type}` })
    expect(validateRecord(shape)).toEqual({ ok: true, record: shape })
  })

  test('tldraw document, page, arrow connectors with flow meta, and arrow bindings', () => {
    const records = [
      documentRecord(),
      pageRecord(),
      ...connector({ id: 'c1', from: 'a', to: 'b', flow: 'dependency', branch: 'yes', text: 'label' }),
    ]
    for (const record of records) expect(validateRecord(record)).toMatchObject({ ok: true })
  })

  test('a step with every status, automation and a numeric estimate', () => {
    for (const status of ['todo', 'doing', 'done', 'blocked'] as const) {
      for (const automation of ['manual', 'assisted', 'automated', 'ai-agent'] as const) {
        const step = workflowShape('step', {
          id: 's',
          props: { status, automation, estimate: 2.5, owner: 'r1' },
        })
        expect(validateRecord(step).ok).toBe(true)
      }
    }
  })
})

describe('validateRecord refuses, naming record, field and reason', () => {
  const step = workflowShape('step', { id: 'abc' })

  test('a bad enum value', () => {
    const error = refusal(validateRecord(withProps(step, { status: 42 })))
    expect(error).toEqual({
      recordId: 'shape:abc',
      typeName: 'shape',
      field: 'props.status',
      reason: 'invalid-field',
      message: 'step shape:abc: props.status must be one of todo|doing|done|blocked, got 42',
    })
  })

  test('a prop of the wrong type', () => {
    const error = refusal(validateRecord(withProps(step, { w: 'wide' })))
    expect(error.field).toBe('props.w')
    expect(error.message).toBe('step shape:abc: props.w must be a number, got a string')
  })

  test('a missing prop', () => {
    const record = structuredClone(step) as { props: Partial<typeof step.props> }
    delete record.props.label
    const error = refusal(validateRecord(record))
    expect(error).toMatchObject({ field: 'props.label', reason: 'missing-field' })
    expect(error.message).toBe('step shape:abc: props.label is missing (expected a string)')
  })

  test('an unknown prop', () => {
    const error = refusal(validateRecord(withProps(step, { colour: 'red' })))
    expect(error).toMatchObject({ field: 'props.colour', reason: 'unknown-field' })
  })

  test('a missing top-level field', () => {
    const record = structuredClone(step) as Partial<typeof step>
    delete record.x
    expect(refusal(validateRecord(record))).toMatchObject({ field: 'x', reason: 'missing-field' })
  })

  test('an unknown shape type', () => {
    const error = refusal(validateRecord({ ...step, type: 'swimlane' }))
    expect(error).toMatchObject({ recordId: 'shape:abc', field: 'type', reason: 'unknown-type' })
    expect(error.message).toBe('swimlane shape:abc: "swimlane" is not a known shape type')
  })

  test('an unknown record type and a value that is no record', () => {
    expect(refusal(validateRecord({ id: 'x:1', typeName: 'x' }))).toMatchObject({ reason: 'unknown-type' })
    expect(refusal(validateRecord(42))).toMatchObject({ reason: 'not-a-record', recordId: null })
    expect(refusal(validateRecord({ id: 'x:1' }))).toMatchObject({
      reason: 'missing-field',
      field: 'typeName',
    })
  })

  test.each([
    ['camera', { id: 'camera:1', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }],
    [
      'pointer',
      { id: 'pointer:pointer', typeName: 'pointer', x: 0, y: 0, lastActivityTimestamp: 0, meta: {} },
    ],
    ['instance', { id: 'instance:instance', typeName: 'instance' }],
    ['instance_page_state', { id: 'instance_page_state:1', typeName: 'instance_page_state' }],
    ['instance_presence', { id: 'instance_presence:1', typeName: 'instance_presence' }],
  ])('a session-scoped %s record', (typeName, record) => {
    const error = refusal(validateRecord(record))
    expect(error).toMatchObject({ typeName, reason: 'session-record' })
    expect(error.message).toMatch(/never stored in a board/)
  })

  test('an arrow whose meta.flow is not a flow kind', () => {
    const [arrow] = connector({ id: 'c', from: 'a', to: 'b' })
    const error = refusal(validateRecord({ ...arrow, meta: { flow: 'telepathy' } }))
    expect(error.field).toBe('meta.flow')
    expect(error.message).toBe(
      'arrow shape:c: meta.flow must be one of sequence|dependency|information, got telepathy',
    )
  })
})

describe('value-stream timing and RACI on a step', () => {
  test('a step with ranges, wait, % C&A and RACI roles is valid', () => {
    const step = workflowShape('step', {
      id: 'timed',
      props: {
        estimate: 2,
        estimateRange: { min: 1, max: 4 },
        wait: 8,
        waitRange: { min: 4, max: 24 },
        completeAccurate: 85,
        accountable: ['role:lead'],
        consulted: ['role:legal', 'role:it'],
        informed: ['role:team'],
      },
    })
    expect(validateRecord(step)).toEqual({ ok: true, record: step })
  })

  test('a range upside down, a percent over 100 and a role listed twice are refused, saying which', () => {
    const upsideDown = workflowShape('step', { id: 'r', props: { estimateRange: { min: 5, max: 2 } } })
    expect(refusal(validateRecord(upsideDown)).message).toMatch(/props\.estimateRange.*min 5 is above max 2/)
    const over = workflowShape('step', { id: 'p', props: { completeAccurate: 140 } })
    expect(refusal(validateRecord(over)).message).toMatch(/props\.completeAccurate.*0 to 100, got 140/)
    const twice = workflowShape('decision', { id: 'a', props: { accountable: ['role:x', 'role:x'] } })
    expect(refusal(validateRecord(twice)).message).toMatch(/props\.accountable.*role:x twice/)
  })
})

describe('validateRecord with the writer schema', () => {
  const current = flowmapSchema.serialize()

  test('migrates a step written before `estimate` existed up to the current version', () => {
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 1 } }
    const step = workflowShape('step', { id: 'old', props: { label: 'Review' } }) as { props: object }
    const { estimate: _dropped, ...olderProps } = step.props as { estimate: unknown }
    const result = validateRecord({ ...step, props: olderProps }, { schema: older })
    expect(result).toMatchObject({ ok: true, record: { props: { label: 'Review', estimate: null } } })
  })

  test('migrates a step from before value-stream timing and RACI: no range, wait or % C&A, empty RACI columns', () => {
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 2 } }
    const step = workflowShape('step', { id: 'vs', props: { label: 'Build', estimate: 6 } }) as {
      props: object
    }
    const {
      estimateRange: _r,
      wait: _w,
      waitRange: _wr,
      completeAccurate: _ca,
      accountable: _a,
      consulted: _c,
      informed: _i,
      ...olderProps
    } = step.props as Record<string, unknown>
    const result = validateRecord({ ...step, props: olderProps }, { schema: older })
    expect(result).toMatchObject({
      ok: true,
      record: {
        props: {
          estimate: 6,
          estimateRange: null,
          wait: null,
          waitRange: null,
          completeAccurate: null,
          accountable: [],
          consulted: [],
          informed: [],
        },
      },
    })
  })

  test('migrates a decision from before RACI to empty RACI columns', () => {
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.decision': 1 } }
    const decision = workflowShape('decision', { id: 'd1' })
    const result = validateRecord({ ...decision, props: { w: 1, h: 1, question: 'Ok?' } }, { schema: older })
    expect(result).toMatchObject({
      ok: true,
      record: { props: { question: 'Ok?', accountable: [], consulted: [], informed: [] } },
    })
  })

  test('migrates a decision that still had `label` to `question`', () => {
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.decision': 0 } }
    const decision = workflowShape('decision', { id: 'd' })
    const result = validateRecord(
      { ...decision, props: { w: 1, h: 1, label: 'Approve?' } },
      { schema: older },
    )
    expect(result).toMatchObject({ ok: true, record: { props: { question: 'Approve?' } } })
  })

  test('migrating up is harmless for a record already in the current shape', () => {
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.decision': 0 } }
    const decision = workflowShape('decision', { id: 'd', props: { question: 'Ship it?' } })
    expect(validateRecord(decision, { schema: older })).toEqual({ ok: true, record: decision })
  })

  test('refuses a record written with a newer schema', () => {
    const newer = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 99 } }
    const error = refusal(validateRecord(workflowShape('step', { id: 'new' }), { schema: newer }))
    expect(error).toMatchObject({ recordId: 'shape:new', reason: 'newer-schema' })
    expect(error.message).toMatch(/newer schema/)
  })

  test('refuses a shape type only a newer schema knows as newer-schema, not as unknown', () => {
    const newer = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.swimlane': 1 } }
    const record = { ...workflowShape('step', { id: 'n' }), type: 'swimlane' }
    expect(refusal(validateRecord(record, { schema: newer })).reason).toBe('newer-schema')
  })
})
