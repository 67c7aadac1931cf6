import type { WorkflowShapeType } from '@flowmap/shared'
import type { ComponentType } from 'react'
import type { Editor, TLShape } from 'tldraw'
import type { ColorMode } from './workflow-colors.ts'

/**
 * How a shape draws itself in SVG for exports, rather than tldraw's fallback of its HTML in a
 * foreignObject, so an exported map opens in any SVG tool. `mode` is the export's colour mode (tldraw
 * exports in the person's light or dark mode).
 */
export type ShapeSvg<K extends WorkflowShapeType> = ComponentType<{
  editor: Editor
  shape: TLShape<K>
  mode: ColorMode
}>
