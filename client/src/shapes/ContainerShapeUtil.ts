import { workflowShapeDefaultProps, workflowShapeSchemas } from '@flowmap/shared'
import { createElement } from 'react'
import {
  BaseBoxShapeTool,
  BaseFrameLikeShapeUtil,
  type Geometry2d,
  Group2d,
  Rectangle2d,
  resizeBox,
  type SvgExportContext,
  type TLEditStartInfo,
  type TLFontFace,
  type TLPointerEventInfo,
  type TLResizeInfo,
  type TLShape,
  type TLShapeId,
  type TLShapePartial,
  type TLShapeUtilCanBindOpts,
  type TLStateNodeConstructor,
} from 'tldraw'
import { type ContainerResize, resizeContainer, startContainerResize } from './container-resize.ts'
import { adoptEnclosedShapes } from './enclose-shapes.ts'
import { dropContainer, snapNewContainer } from './pool-moves.ts'
import { type ContainerShape, type ContainerType, isContainer } from './pool-shapes.ts'
import type { ShapeSvg } from './shape-svg.ts'
import { shapeText } from './shape-text.ts'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'

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

    // A container is not a group: resizing it changes its own box only. Its children keep their size
    // and their place on the page (tldraw would scale them with it), it cannot shrink past them, and
    // the rest of its pool restacks around it. All of it lands in the resize's one undo step.
    override canResizeChildren(): boolean {
      return false
    }

    private readonly resizes = new Map<TLShapeId, ContainerResize>()

    override onResizeStart(shape: S): TLShapePartial<S> | undefined {
      this.resizes.set(shape.id, startContainerResize(this.editor, shape))
      return undefined
    }

    override onResize(shape: S, info: TLResizeInfo<S>): TLShapePartial<S> {
      const proposed = resizeBox(shape, info)
      const resize = this.resizes.get(shape.id) ?? startContainerResize(this.editor, info.initialShape)
      this.resizes.set(shape.id, resize)
      const box = resizeContainer(
        this.editor,
        resize,
        {
          x: proposed.x,
          y: proposed.y,
          w: proposed.props.w,
          h: proposed.props.h,
        },
        info.handle,
      )
      return {
        id: shape.id,
        type: shape.type,
        x: box.x,
        y: box.y,
        props: { w: box.w, h: box.h },
      } as TLShapePartial<S>
    }

    override onResizeEnd(initial: S): undefined {
      this.resizes.delete(initial.id)
      return undefined
    }

    override onResizeCancel(initial: S): void {
      this.resizes.delete(initial.id)
    }

    // Dragging a lane of a pool into another slot reorders the pool; dragging it away leaves it.
    override onTranslateEnd(initial: S, current: S): undefined {
      dropContainer(this.editor, initial, current)
      return undefined
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
  static override children(): TLStateNodeConstructor[] {
    return BaseBoxShapeTool.children().map((child) =>
      child.id === 'pointing' ? clickSnapping(child) : child,
    )
  }
  abstract override shapeType: ContainerShape['type']

  // Called when the shape was drawn by dragging (not for a click's default-size shape), like frames.
  override onCreate(shape: TLShape | null): void {
    // A lane drawn under a pool joins it (a stage beside one), before taking in what it encloses.
    const snapped = shape ? snapNewContainer(this.editor, shape) : null
    adoptEnclosedShapes(this.editor, snapped)
    if (this.editor.getInstanceState().isToolLocked) this.editor.setCurrentTool(this.shapeType)
    else this.editor.setCurrentTool('select.idle')
  }
}

/**
 * tldraw's box tool state between pointer down and up, with one addition: a click (no drag) drops a
 * default-size container at the pointer and does not call the tool's onCreate, so a lane clicked in
 * under a pool would sit on its own. It snaps here too, in the creation's undo step.
 */
function clickSnapping(pointing: TLStateNodeConstructor): TLStateNodeConstructor {
  return class ClickSnappingPointing extends pointing {
    override onPointerUp(info: TLPointerEventInfo) {
      const selected = new Set(this.editor.getSelectedShapeIds())
      super.onPointerUp?.(info)
      const created = this.editor.getOnlySelectedShape()
      if (created && !selected.has(created.id) && isContainer(created)) snapNewContainer(this.editor, created)
    }
  }
}
