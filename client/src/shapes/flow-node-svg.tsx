import type { Editor, TLShape } from 'tldraw'
import { artifactOutline, cylinderRim } from './artifact-outline.ts'
import { SVG_FONT_FAMILY, SvgText } from './svg-text.tsx'
import { type ColorMode, shapeSvgColors } from './workflow-colors.ts'
import { ARTIFACT_KIND_OPTIONS, labelOf } from './workflow-vocabulary.ts'

// Decisions, artifacts and events in SVG for exports, drawn as their HTML versions are.

type SvgProps<K extends 'decision' | 'artifact' | 'event'> = {
  editor: Editor
  shape: TLShape<K>
  mode: ColorMode
}

export function DecisionSvg({ editor, shape, mode }: SvgProps<'decision'>) {
  const { w, h, question } = shape.props
  const colors = shapeSvgColors(mode).decision
  return (
    <g>
      <polygon
        points={`${w / 2},1.5 ${w - 1.5},${h / 2} ${w / 2},${h - 1.5} 1.5,${h / 2}`}
        fill={colors.fill}
        stroke={colors.stroke}
        strokeWidth={2}
        strokeLinejoin="round"
      />
      <SvgText
        editor={editor}
        text={question}
        x={w * 0.19}
        y={h * 0.19}
        width={w * 0.62}
        height={h * 0.62}
        fontSize={14}
        bold
        fill={colors.text}
        align="middle"
        verticalAlign="middle"
      />
    </g>
  )
}

export function ArtifactSvg({ editor, shape, mode }: SvgProps<'artifact'>) {
  const { w, h, kind, label } = shape.props
  const colors = shapeSvgColors(mode)
  const { fill, stroke } = colors.artifact[kind]
  return (
    <g>
      <path d={artifactOutline(kind, w, h)} fill={fill} stroke={stroke} strokeWidth={1.8} />
      {kind === 'data' && <path d={cylinderRim(w, h)} fill="none" stroke={stroke} strokeWidth={1.8} />}
      {kind === 'system' && (
        <path d={`M 12 1.5 V ${h - 1.5} M ${w - 12} 1.5 V ${h - 1.5}`} stroke={stroke} strokeWidth={1.8} />
      )}
      <text
        x={w / 2}
        y={h * 0.36}
        textAnchor="middle"
        dominantBaseline="central"
        fontFamily={SVG_FONT_FAMILY}
        fontSize={10.5}
        fontWeight="bold"
        letterSpacing="0.05em"
        fill={colors.artifactKind}
      >
        {labelOf(ARTIFACT_KIND_OPTIONS, kind).toUpperCase()}
      </text>
      <SvgText
        editor={editor}
        text={label}
        x={16}
        y={h * 0.46}
        width={w - 32}
        height={h * 0.44}
        fontSize={14}
        bold
        fill={colors.artifactLabel}
        align="middle"
      />
    </g>
  )
}

export function EventSvg({ editor, shape, mode }: SvgProps<'event'>) {
  const { w, h, kind, label } = shape.props
  const colors = shapeSvgColors(mode)
  const circle = colors.event[kind]
  const size = Math.min(w, h)
  const isStart = kind === 'start'
  const border = isStart ? 3 : 7
  return (
    <g>
      <circle
        cx={size / 2}
        cy={size / 2}
        r={size / 2 - border / 2}
        fill={circle.fill}
        stroke={circle.stroke}
        strokeWidth={border}
      />
      <text
        x={size / 2}
        y={size / 2}
        textAnchor="middle"
        dominantBaseline="central"
        fontFamily={SVG_FONT_FAMILY}
        fontSize={11}
        fontWeight="bold"
        fill={circle.text}
      >
        {isStart ? 'Start' : 'End'}
      </text>
      <SvgText
        editor={editor}
        text={label}
        x={size / 2 - 80}
        y={size + 6}
        width={160}
        height={60}
        fontSize={13}
        bold
        fill={colors.eventLabel}
        align="middle"
      />
    </g>
  )
}
