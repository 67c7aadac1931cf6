import { expect, it } from 'vitest'
import { builtInTemplate } from '../templates/built-in-templates.ts'
import { readSaveTemplateRequest, readTemplateListBody } from './http-template-bodies.ts'

const swimlane = builtInTemplate('swimlane')!
const saved = {
  id: 'saved-1',
  name: 'Our flow',
  description: '',
  boardId: 'b1',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'Ada',
  roles: swimlane.roles,
  records: swimlane.records,
}

it('a save request needs a name, and says which field is wrong', () => {
  expect(readSaveTemplateRequest({ name: 'Kick-off', description: 'Ours' })).toEqual({
    ok: true,
    body: { name: 'Kick-off', description: 'Ours' },
  })
  expect(readSaveTemplateRequest({ name: '' })).toMatchObject({
    ok: false,
    reason: expect.stringContaining('name'),
  })
  expect(readSaveTemplateRequest({ name: 'x'.repeat(81) })).toMatchObject({
    ok: false,
    reason: expect.stringContaining('at most 80'),
  })
  expect(readSaveTemplateRequest('Kick-off')).toMatchObject({
    ok: false,
    reason: expect.stringContaining('not a JSON object'),
  })
})

it("the saved-template list holds each record to the model's validator, so a client never writes one the server refuses", () => {
  expect(readTemplateListBody({ templates: [saved] }).ok).toBe(true)
  const broken = { ...saved, records: [{ ...swimlane.records[0]!, props: { label: 42 } }] }
  expect(readTemplateListBody({ templates: [broken] })).toMatchObject({
    ok: false,
    reason: expect.stringContaining('the saved templates (GET /api/templates) is malformed'),
  })
  const badRole = { ...saved, roles: [{ id: 'role:x', name: 'X', color: '#000', kind: 'robot' }] }
  expect(readTemplateListBody({ templates: [badRole] }).ok).toBe(false)
})
