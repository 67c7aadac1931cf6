import type { DiagramIndex } from './bpmn-diagram-index.ts'
import type { FlowmapAttributes } from './flowmap-attributes.ts'
import type { ReportTally } from './report-tally.ts'

/** What every part of the BPMN reader consults: the dialect's attributes, the diagram, the report so far. */
export type BpmnReadContext = {
  readonly flowmap: FlowmapAttributes
  readonly diagram: DiagramIndex
  readonly tally: ReportTally
}
