// @vitest-environment happy-dom
import type { ImportReport } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { handOverReport, takeHandedOverReport } from './handed-over-report.ts'

const report: ImportReport = {
  format: 'bpmn',
  writtenBy: 'Camunda Modeler 5.31.0',
  elementCount: 3,
  mapped: [{ count: 2, what: 'tasks', became: 'steps' }],
  keptAsNotes: [{ count: 1, what: 'boundary timer events', became: 'notes' }],
  notices: [],
}

describe('the import report handed from the home page to the new board', () => {
  it('is shown once: the board page takes it, and it is gone after', () => {
    handOverReport('b1', 'claims.bpmn', report)
    expect(takeHandedOverReport('other')).toBeNull()
    expect(takeHandedOverReport('b1')).toEqual({ name: 'claims.bpmn', report })
    expect(takeHandedOverReport('b1')).toBeNull()
  })

  it('is ignored when what is stored is not a report', () => {
    sessionStorage.setItem(
      'flowmap:import-report:b2',
      JSON.stringify({ name: 'x', report: { format: 'svg' } }),
    )
    expect(takeHandedOverReport('b2')).toBeNull()
    sessionStorage.setItem('flowmap:import-report:b3', '{not json')
    expect(takeHandedOverReport('b3')).toBeNull()
  })
})
