import type { Editor } from 'tldraw'

/**
 * Text for SVG exports, laid out by the browser exactly as the canvas lays it out (tldraw's
 * textMeasure renders it off-screen and reports where each word landed), then written as <tspan>s.
 * SVG has no text wrapping of its own; this is how tldraw's own shapes export their labels.
 */

export const SVG_FONT_FAMILY = 'tldraw_sans'
const LINE_HEIGHT = 1.3

type SvgTextProps = {
  editor: Editor
  text: string
  x: number
  y: number
  width: number
  height: number
  fontSize: number
  bold?: boolean
  fill: string
  align?: 'start' | 'middle'
  verticalAlign?: 'start' | 'middle'
}

export function SvgText({
  editor,
  text,
  x,
  y,
  width,
  height,
  fontSize,
  bold = false,
  fill,
  align = 'start',
  verticalAlign = 'start',
}: SvgTextProps) {
  if (text.trim() === '' || width <= 0) return null
  const spans = editor.textMeasure.measureTextSpans(text, {
    overflow: 'wrap',
    width,
    height,
    padding: 0,
    fontSize,
    fontWeight: bold ? 'bold' : 'normal',
    fontFamily: SVG_FONT_FAMILY,
    fontStyle: 'normal',
    lineHeight: LINE_HEIGHT,
    textAlign: align === 'middle' ? 'middle' : 'start',
  })
  const lineHeight = fontSize * LINE_HEIGHT
  // Only the lines that fit: the card clips its label on the canvas too.
  const visible = spans.filter((span) => span.box.y + span.box.h <= height + 1)
  if (visible.length === 0) return null
  const textHeight = Math.max(...visible.map((span) => span.box.y + span.box.h))
  const top = y + (verticalAlign === 'middle' ? Math.max(0, (height - textHeight) / 2) : 0)
  return (
    <text fontFamily={SVG_FONT_FAMILY} fontSize={fontSize} fontWeight={bold ? 'bold' : 'normal'} fill={fill}>
      {visible.map((span, index) => (
        <tspan
          // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity beyond their order
          key={index}
          x={x + span.box.x}
          y={top + span.box.y + lineHeight / 2}
          dominantBaseline="central"
          xmlSpace="preserve"
        >
          {span.text.replace(/\s/g, '\u00a0')}
        </tspan>
      ))}
    </text>
  )
}

/** The width of a single line of text, for sizing badges around it. */
export function svgTextWidth(editor: Editor, text: string, fontSize: number, bold = false): number {
  return editor.textMeasure.measureText(text, {
    fontStyle: 'normal',
    fontWeight: bold ? 'bold' : 'normal',
    fontFamily: SVG_FONT_FAMILY,
    fontSize,
    lineHeight: LINE_HEIGHT,
    maxWidth: null,
    padding: '0px',
  }).w
}

type SvgPillProps = {
  editor: Editor
  text: string
  x: number
  y: number
  fontSize: number
  fill: string
  color: string
  stroke?: string
  dashed?: boolean
}

/** A rounded badge with its text (status, automation, role chips); returns its width with the shape. */
export function svgPill({ editor, text, x, y, fontSize, fill, color, stroke, dashed }: SvgPillProps) {
  const paddingX = fontSize * 0.65
  const height = fontSize * 1.6
  const width = svgTextWidth(editor, text, fontSize, true) + paddingX * 2
  return {
    width,
    element: (
      <g key={`${text}-${x}-${y}`}>
        <rect
          x={x}
          y={y}
          width={width}
          height={height}
          rx={height / 2}
          fill={fill}
          stroke={stroke ?? 'none'}
          strokeDasharray={dashed ? '3 2' : undefined}
        />
        <text
          x={x + paddingX}
          y={y + height / 2}
          dominantBaseline="central"
          fontFamily={SVG_FONT_FAMILY}
          fontSize={fontSize}
          fontWeight="bold"
          fill={color}
        >
          {text}
        </text>
      </g>
    ),
  }
}
