import { expect, it } from 'vitest'
import { MAX_TEMPLATE_RECORDS } from '../schema/limits.ts'
import { documentRecord, pageRecord } from '../testing/shape-records.ts'
import { builtInTemplate } from './built-in-templates.ts'
import { workflowShape } from './record-builders.ts'
import { templateOfBoard } from './template-of-board.ts'

const swimlane = builtInTemplate('swimlane')!

it("a board's shapes, bindings and roles make the template; its page and document stay behind", () => {
  const made = templateOfBoard([pageRecord(), documentRecord(), ...swimlane.records], swimlane.roles, null)
  expect(made).toEqual({
    ok: true,
    skipped: 0,
    content: { records: swimlane.records, roles: swimlane.roles },
  })
})

it('a record that no longer validates is skipped and counted, not copied', () => {
  const broken = { ...workflowShape('step', { id: 'bad' }), props: { label: 42 } } as never
  const made = templateOfBoard([broken, ...swimlane.records], swimlane.roles, null)
  expect(made).toMatchObject({ ok: true, skipped: 1 })
})

it('a board larger than a template may be is refused with what to do', () => {
  const many = Array.from({ length: MAX_TEMPLATE_RECORDS + 1 }, (_, i) =>
    workflowShape('step', { id: `s${i}` }),
  )
  expect(templateOfBoard(many, [], null)).toMatchObject({
    ok: false,
    reason: expect.stringContaining('at most'),
  })
})
