import { workflowShapeDefaultProps, workflowShapeSchemas } from '@flowmap/shared'
import { createElement } from 'react'
import {
  BaseBoxShapeUtil,
  type SvgExportContext,
  type TLEditStartInfo,
  type TLFontFace,
  type TLShape,
} from 'tldraw'
import type { ShapeSvg } from './shape-svg.ts'
import { shapeText } from './shape-text.ts'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'

/** The shapes a flow runs through: steps, decisions, artifacts and events. */
export type FlowNodeType = 'step' | 'decision' | 'artifact' | 'event'

/**
 * The base of a flow node's ShapeUtil: a box whose text is edited in place, drawn with the workflow
 * fonts and exported with its own SVG drawing, with its props, migrations and default props all taken
 * from `@flowmap/shared` (as tldraw's own shapes take theirs from tlschema), so the client draws what
 * the server validates.
 */
export function flowNodeShapeUtil<K extends FlowNodeType>(type: K, svg: ShapeSvg<K>) {
  abstract class FlowNodeShapeUtil extends BaseBoxShapeUtil<TLShape<K>> {
    static override type = type
    static override props = workflowShapeSchemas[type].props
    static override migrations = workflowShapeSchemas[type].migrations

    override getDefaultProps(): TLShape<K>['props'] {
      return { ...workflowShapeDefaultProps[type] }
    }

    override canEdit(_shape: TLShape<K>, _info: TLEditStartInfo): boolean {
      return true
    }

    override getFontFaces(): TLFontFace[] {
      return [...WORKFLOW_FONT_FACES]
    }

    override getText(shape: TLShape<K>): string {
      return shapeText(shape)
    }

    override toSvg(shape: TLShape<K>, context: SvgExportContext) {
      return createElement(svg, { editor: this.editor, shape, mode: context.colorMode })
    }
  }
  return FlowNodeShapeUtil
}
