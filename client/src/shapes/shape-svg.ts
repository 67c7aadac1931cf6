import type { WorkflowShapeType } from '@flowmap/shared'
import type { ComponentType } from 'react'
import type { Editor, TLShape } from 'tldraw'

/**
 * How a shape draws itself in SVG for exports, rather than tldraw's fallback of its HTML in a
 * foreignObject, so an exported map opens in any SVG tool.
 */
export type ShapeSvg<K extends WorkflowShapeType> = ComponentType<{ editor: Editor; shape: TLShape<K> }>
