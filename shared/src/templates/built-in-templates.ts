import { aiContentPipelineTemplate } from './ai-content-pipeline.ts'
import { approvalFlowTemplate } from './approval-flow.ts'
import { blankTemplate } from './blank.ts'
import type { BoardTemplate } from './board-template.ts'
import { incidentResponseTemplate } from './incident-response.ts'
import { raciKickoffTemplate } from './raci-kickoff.ts'
import { sipocTemplate } from './sipoc.ts'
import { swimlaneProcessTemplate } from './swimlane-process.ts'
import { valueStreamMapTemplate } from './value-stream-map.ts'

/** Every built-in template, in the order the picker shows them (blank first). Adding one is its file and a line here. */
export const BUILT_IN_TEMPLATES: readonly BoardTemplate[] = [
  blankTemplate,
  swimlaneProcessTemplate,
  sipocTemplate,
  valueStreamMapTemplate,
  incidentResponseTemplate,
  approvalFlowTemplate,
  aiContentPipelineTemplate,
  raciKickoffTemplate,
]

/** The built-in template `/new?template=<id>` names, or null for an id of none. */
export function builtInTemplate(id: string): BoardTemplate | null {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id) ?? null
}
