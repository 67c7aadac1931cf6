import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../convert/import-report.ts'
import { readBoardImportBody, readCreatedBoardFromFileBody } from './http-import-body.ts'

const report: ImportReport = {
  format: 'bpmn',
  writtenBy: 'Camunda Modeler 5.20.0',
  elementCount: 5,
  mapped: [{ count: 4, what: 'tasks', became: 'steps' }],
  keptAsNotes: [{ count: 1, what: 'boundary timer events', became: 'notes' }],
  notices: ['5 elements had no diagram layout and were laid out'],
}
const created = {
  id: 'b-1',
  title: 'Orders',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  url: 'http://127.0.0.1:1234/b/b-1',
}

describe('the import routes’ answers, read by a client', () => {
  it('a good answer reads through, with a field a newer server added', () => {
    const body = { report, sentences: ['4 tasks became steps'], extra: 1 }
    expect(readBoardImportBody(body)).toEqual({ ok: true, body })
    expect(readCreatedBoardFromFileBody({ ...created, report, sentences: [] })).toMatchObject({ ok: true })
  })

  it('a report of an unknown format or a count that is not a number is refused, naming the field', () => {
    const wrongFormat = readBoardImportBody({ report: { ...report, format: 'visio' }, sentences: [] })
    expect(wrongFormat.ok).toBe(false)
    expect(!wrongFormat.ok && wrongFormat.reason).toMatch(
      /^the import \(POST \/api\/boards\/:id\/import\) is malformed: .*report\.format/,
    )
    const wrongCount = readBoardImportBody({
      report: { ...report, mapped: [{ count: 'four', what: 'tasks', became: 'steps' }] },
      sentences: [],
    })
    expect(!wrongCount.ok && wrongCount.reason).toMatch(/report\.mapped\.0\.count/)
  })

  it('a new board whose id is not a board id is refused: the client opens the board by it', () => {
    const read = readCreatedBoardFromFileBody({ ...created, id: '../x', report, sentences: [] })
    expect(read.ok).toBe(false)
    expect(!read.ok && read.reason).toMatch(
      /^the board made from a file \(POST \/api\/boards\) is malformed: /,
    )
  })
})
