import type { Editor, TLShape } from 'tldraw'
import { artifactOutline, cylinderRim } from './artifact-outline.ts'
import { SVG_FONT_FAMILY, SvgText } from './svg-text.tsx'
import { ARTIFACT_KIND_OPTIONS, labelOf } from './workflow-vocabulary.ts'

// Decisions, artifacts and events in SVG for exports, drawn as their HTML versions are.

export function DecisionSvg({ editor, shape }: { editor: Editor; shape: TLShape<'decision'> }) {
  const { w, h, question } = shape.props
  return (
    <g>
      <polygon
        points={`${w / 2},1.5 ${w - 1.5},${h / 2} ${w / 2},${h - 1.5} 1.5,${h / 2}`}
        fill="#fff8e1"
        stroke="#e0a800"
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
        fill="#5c4400"
        align="middle"
        verticalAlign="middle"
      />
    </g>
  )
}

const ARTIFACT_STROKES = { document: '#4a7ab8', data: '#2b8a5e', system: '#6a55c2' } as const
const ARTIFACT_FILLS = { document: '#f3f9ff', data: '#f1fbf6', system: '#f7f5ff' } as const

export function ArtifactSvg({ editor, shape }: { editor: Editor; shape: TLShape<'artifact'> }) {
  const { w, h, kind, label } = shape.props
  const stroke = ARTIFACT_STROKES[kind]
  return (
    <g>
      <path d={artifactOutline(kind, w, h)} fill={ARTIFACT_FILLS[kind]} stroke={stroke} strokeWidth={1.8} />
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
        fill="#5c6578"
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
        fill="#1d2433"
        align="middle"
      />
    </g>
  )
}

export function EventSvg({ editor, shape }: { editor: Editor; shape: TLShape<'event'> }) {
  const { w, h, kind, label } = shape.props
  const size = Math.min(w, h)
  const isStart = kind === 'start'
  const border = isStart ? 3 : 7
  return (
    <g>
      <circle
        cx={size / 2}
        cy={size / 2}
        r={size / 2 - border / 2}
        fill={isStart ? '#effaf1' : '#fff0f0'}
        stroke={isStart ? '#2f9e44' : '#a61e1e'}
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
        fill={isStart ? '#2b7a3b' : '#a61e1e'}
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
        fill="#343a40"
        align="middle"
      />
    </g>
  )
}
