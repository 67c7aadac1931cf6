import './workflow-shapes.css'
import type { WorkflowShapeType } from '@flowmap/shared'
import type { HTMLAttributes, ReactElement, ReactNode } from 'react'
import type { TLAnyShapeUtilConstructor, TLStateNodeConstructor } from 'tldraw'
import { ArtifactShapeTool } from './ArtifactShapeTool.ts'
import { ArtifactShapeUtil } from './ArtifactShapeUtil.tsx'
import { ConnectorShapeUtil } from './ConnectorShapeUtil.tsx'
import { DecisionShapeTool } from './DecisionShapeTool.ts'
import { DecisionShapeUtil } from './DecisionShapeUtil.tsx'
import { EventShapeTool } from './EventShapeTool.ts'
import { EventShapeUtil } from './EventShapeUtil.tsx'
import { LaneShapeTool } from './LaneShapeTool.ts'
import { LaneShapeUtil } from './LaneShapeUtil.tsx'
import { StageShapeTool } from './StageShapeTool.ts'
import { StageShapeUtil } from './StageShapeUtil.tsx'
import { StepShapeTool } from './StepShapeTool.ts'
import { StepShapeUtil } from './StepShapeUtil.tsx'

/** The ShapeUtils of the workflow vocabulary, to pass to tldraw and to the sync layer's store. */
export const WORKFLOW_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  StageShapeUtil,
  LaneShapeUtil,
  StepShapeUtil,
  DecisionShapeUtil,
  ArtifactShapeUtil,
  EventShapeUtil,
]

/**
 * What the board's <Tldraw> draws with: the workflow shapes, and connectors in place of tldraw's arrow
 * (same type, props and migrations; only their labels differ). Only for <Tldraw>, which replaces a
 * default util of the same type; a store or editor built from defaultShapeUtils takes
 * WORKFLOW_SHAPE_UTILS, as the record schema is the same.
 */
export const CANVAS_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  ...WORKFLOW_SHAPE_UTILS,
  ConnectorShapeUtil,
]

export const WORKFLOW_TOOLS: readonly TLStateNodeConstructor[] = [
  StageShapeTool,
  LaneShapeTool,
  StepShapeTool,
  DecisionShapeTool,
  ArtifactShapeTool,
  EventShapeTool,
]

export type WorkflowToolItem = {
  /** The tldraw tool id, which is also the toolbar button's data-testid suffix (`tools.step`). */
  readonly id: WorkflowShapeType
  readonly label: string
  /** A single key, free among tldraw's own shortcuts (v h d e a t n f l k r o...). */
  readonly kbd: string
  readonly icon: ReactElement<HTMLAttributes<HTMLDivElement>>
}

function ToolIcon({ children }: { children: ReactNode }) {
  return (
    <div className="flowmap-tool-icon">
      <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
        <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round">
          {children}
        </g>
      </svg>
    </div>
  )
}

/** Each tool's drawing, inside the 18×18 toolbar frame. */
const TOOL_GLYPHS: Record<WorkflowShapeType, ReactNode> = {
  stage: [<rect key="box" x="4" y="2" width="10" height="14" rx="1.5" />, <path key="header" d="M4 6h10" />],
  lane: [<rect key="box" x="1.5" y="4" width="15" height="10" rx="1.5" />, <path key="band" d="M5.5 4v10" />],
  step: [<rect key="card" x="2" y="4.5" width="14" height="9" rx="2.5" />, <path key="line" d="M5 9h8" />],
  decision: <path d="M9 2l7 7-7 7-7-7Z" />,
  artifact: [<path key="sheet" d="M4.5 2h6l3 3v11h-9Z" />, <path key="fold" d="M10.5 2v3h3M7 9h4M7 12h4" />],
  event: <circle cx="9" cy="9" r="6.5" />,
}

const toolItem = (id: WorkflowShapeType, label: string, kbd: string): WorkflowToolItem => ({
  id,
  label,
  kbd,
  icon: <ToolIcon>{TOOL_GLYPHS[id]}</ToolIcon>,
})

export const WORKFLOW_TOOL_ITEMS: readonly WorkflowToolItem[] = [
  toolItem('stage', 'Stage', 'c'),
  toolItem('lane', 'Swimlane', 'w'),
  toolItem('step', 'Step', 's'),
  toolItem('decision', 'Decision', 'y'),
  toolItem('artifact', 'Artifact', 'i'),
  toolItem('event', 'Start / end', 'm'),
]
