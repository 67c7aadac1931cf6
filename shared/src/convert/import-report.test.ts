import { describe, expect, test } from 'vitest'
import { type ImportReport, reportSentences, reportText } from './import-report.ts'

const report: ImportReport = {
  format: 'bpmn',
  writtenBy: 'Camunda Modeler 5.31.0',
  elementCount: 21,
  mapped: [
    { count: 12, what: 'user tasks', became: 'steps' },
    { count: 1, what: 'subprocesses', became: 'stages' },
    { count: 1, what: 'exclusive gateways', became: 'decisions' },
    { count: 1, what: 'information flows', became: 'information connectors' },
    { count: 1, what: 'links to or from a subgraph', became: 'connectors with a loose end' },
    { count: 1, what: 'subgraphs holding only subgraphs', became: "the first part of their lanes' names" },
  ],
  keptAsNotes: [
    { count: 3, what: 'boundary timer events', became: 'notes' },
    { count: 1, what: 'intermediate activities', became: 'notes' },
  ],
  notices: ['14 elements had no diagram layout and were laid out automatically'],
}

describe('the import report', () => {
  test('says what became what, in singular for one element, then what was kept as notes, then notices', () => {
    expect(reportSentences(report)).toEqual([
      '12 user tasks became steps',
      '1 subprocess became a stage',
      '1 exclusive gateway became a decision',
      '1 information flow became an information connector',
      '1 link to or from a subgraph became a connector with a loose end',
      "1 subgraph holding only subgraphs became the first part of their lanes' names",
      '3 boundary timer events kept as notes',
      '1 intermediate activity kept as a note',
      '14 elements had no diagram layout and were laid out automatically',
    ])
  })

  test('copies as text with a heading naming the format and the tool that wrote the file', () => {
    const lines = reportText(report).split('\n')
    expect(lines[0]).toBe('Imported 21 elements from BPMN (written by Camunda Modeler 5.31.0)')
    expect(lines.slice(1)).toEqual(reportSentences(report).map((sentence) => `- ${sentence}`))
  })
})
