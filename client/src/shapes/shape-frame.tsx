import type { CSSProperties, ReactNode } from 'react'
import { HTMLContainer } from 'tldraw'
import type { WorkflowShape } from './shape-text.ts'

type ShapeContainerProps = {
  shape: WorkflowShape
  /** Added to the shape's size (or overriding it, for a circle drawn in the smaller side). */
  style?: CSSProperties
  /** Data attributes the styles and the browser tests select on (`data-kind`, `data-status`...). */
  data?: Record<`data-${string}`, string | boolean>
  children: ReactNode
}

/**
 * The HTML root of a workflow shape at its size, classed `flowmap-<type>` and tagged with its
 * `data-shape-type`, which the styles and the browser tests select on.
 */
export function ShapeContainer({ shape, style, data, children }: ShapeContainerProps) {
  return (
    <HTMLContainer
      className={`flowmap-${shape.type}`}
      style={{ width: shape.props.w, height: shape.props.h, ...style }}
      data-shape-type={shape.type}
      {...data}
    >
      {children}
    </HTMLContainer>
  )
}

/** A shape's outline drawn in SVG at the shape's size, under its HTML text (a diamond, a document). */
export function ShapeOutline({
  className,
  w,
  h,
  children,
}: {
  className: string
  w: number
  h: number
  children: ReactNode
}) {
  return (
    <svg className={className} width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      {children}
    </svg>
  )
}
