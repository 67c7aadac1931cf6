import { workflowShapeDefaultProps, workflowShapeSchemas } from '@flowmap/shared'
import { createElement } from 'react'
import {
  BaseBoxShapeTool,
  BaseFrameLikeShapeUtil,
  type Geometry2d,
  Group2d,
  Rectangle2d,
  type SvgExportContext,
  type TLEditStartInfo,
  type TLFontFace,
  type TLShape,
  type TLShapeUtilCanBindOpts,
} from 'tldraw'
import { adoptEnclosedShapes } from './enclose-shapes.ts'
import type { ShapeSvg } from './shape-svg.ts'
import { shapeText } from './shape-text.ts'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'

/** The workflow's containers: a stage (a column) and a lane (a row bound to a role). */
export type ContainerType = 'stage' | 'lane'
export type ContainerShape = TLShape<ContainerType>

/**
 * The base of a container's ShapeUtil: a frame-like box with a labelled header band, resizable, whose
 * label is edited in place, drawn with the workflow fonts and exported with its own SVG drawing; props,
 * migrations and default props come from `@flowmap/shared`.
 */
export function containerShapeUtil<K extends ContainerType>(type: K, svg: ShapeSvg<K>) {
  type S = TLShape<K>
  abstract class ContainerShapeUtil extends BaseFrameLikeShapeUtil<S> {
    static override type = type
    static override props = workflowShapeSchemas[type].props
    static override migrations = workflowShapeSchemas[type].migrations

    /** The solid band that holds the label, in shape coordinates from the top left. */
    protected abstract headerSize(shape: S): { width: number; height: number }

    override getDefaultProps(): S['props'] {
      return { ...workflowShapeDefaultProps[type] }
    }

    // Flows join steps, decisions, events and artifacts, never a container: an arrow let go over an
    // empty part of a stage or lane stays loose (and the checks say so) instead of binding to it.
    override canBind({ bindingType }: TLShapeUtilCanBindOpts<S>): boolean {
      return bindingType !== 'arrow'
    }

    override canEdit(_shape: S, _info: TLEditStartInfo): boolean {
      return true
    }

    override canResize(): boolean {
      return true
    }

    override getFontFaces(): TLFontFace[] {
      return [...WORKFLOW_FONT_FACES]
    }

    override getText(shape: S): string {
      return shapeText(shape)
    }

    override toSvg(shape: S, context: SvgExportContext) {
      return createElement(svg, { editor: this.editor, shape, mode: context.colorMode })
    }

    override getGeometry(shape: S): Geometry2d {
      const { w, h } = shape.props
      const header = this.headerSize(shape)
      return new Group2d({
        children: [
          new Rectangle2d({ width: w, height: h, isFilled: false }),
          // The header is solid so a click on it selects the container; the body lets clicks reach children.
          new Rectangle2d({
            width: Math.min(header.width, w),
            height: Math.min(header.height, h),
            isFilled: true,
            isLabel: true,
          }),
        ],
      })
    }

    override getIndicatorPath(shape: S): Path2D {
      const path = new Path2D()
      path.rect(0, 0, shape.props.w, shape.props.h)
      return path
    }
  }
  return ContainerShapeUtil
}

/**
 * Draws a container by dragging a box (or a click for the default size). A container drawn around
 * shapes takes them in, like a frame; the tool stays on when tool lock is on.
 */
export abstract class ContainerShapeTool extends BaseBoxShapeTool {
  static override initial = 'idle'
  abstract override shapeType: ContainerShape['type']

  // Called when the shape was drawn by dragging (not for a click's default-size shape), like frames.
  override onCreate(shape: TLShape | null): void {
    adoptEnclosedShapes(this.editor, shape)
    if (this.editor.getInstanceState().isToolLocked) this.editor.setCurrentTool(this.shapeType)
    else this.editor.setCurrentTool('select.idle')
  }
}
