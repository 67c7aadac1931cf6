import type { Editor, TLShape } from 'tldraw'
import { getBoardRole } from './board-roles.ts'
import { LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT, UNASSIGNED_LANE_COLOR } from './container-layout.ts'
import { textColorOn } from './role-badge.ts'
import { SVG_FONT_FAMILY, SvgText, svgPill } from './svg-text.tsx'
import { type ColorMode, STAGE_BODY_OPACITY, shapeSvgColors } from './workflow-colors.ts'

// Stages and lanes in SVG for exports; their children are exported by tldraw on top of them.

export function StageSvg({
  editor,
  shape,
  mode,
}: {
  editor: Editor
  shape: TLShape<'stage'>
  mode: ColorMode
}) {
  const { w, h, label, order } = shape.props
  const colors = shapeSvgColors(mode).stage
  const header = Math.min(STAGE_HEADER_HEIGHT, h)
  return (
    <g>
      <rect
        width={w}
        height={h}
        rx={10}
        fill={colors.body}
        fillOpacity={STAGE_BODY_OPACITY[mode]}
        stroke={colors.edge}
        strokeWidth={1.5}
      />
      <path
        d={`M 0 10 A 10 10 0 0 1 10 0 H ${w - 10} A 10 10 0 0 1 ${w} 10 V ${header} H 0 Z`}
        fill={colors.header}
      />
      <line x1={0} y1={header} x2={w} y2={header} stroke={colors.edge} strokeWidth={1.5} />
      <circle cx={26} cy={header / 2} r={12} fill="#3b5bdb" />
      <text
        x={26}
        y={header / 2}
        textAnchor="middle"
        dominantBaseline="central"
        fontFamily={SVG_FONT_FAMILY}
        fontSize={12}
        fontWeight="bold"
        fill="#ffffff"
      >
        {order}
      </text>
      {/* An export shows what the map says: no placeholder for an unnamed stage. */}
      {label ? (
        <SvgText
          editor={editor}
          text={label}
          x={48}
          y={0}
          width={w - 62}
          height={header}
          fontSize={17}
          bold
          fill={colors.label}
          verticalAlign="middle"
        />
      ) : null}
    </g>
  )
}

export function LaneSvg({
  editor,
  shape,
  mode,
}: {
  editor: Editor
  shape: TLShape<'lane'>
  mode: ColorMode
}) {
  const { w, h, label, roleId } = shape.props
  const colors = shapeSvgColors(mode).lane
  const role = getBoardRole(editor, roleId)
  const color = role?.color ?? UNASSIGNED_LANE_COLOR
  const header = Math.min(LANE_HEADER_WIDTH, w)
  const chip = svgPill({
    editor,
    text: role ? role.name : roleId ? 'Unknown role' : 'No role',
    x: 18,
    y: h / 2 + 4,
    fontSize: 11.5,
    fill: role ? color : 'none',
    color: role ? textColorOn(color) : colors.unassigned,
    stroke: role ? undefined : colors.unassignedEdge,
    dashed: !role,
  })
  return (
    <g>
      <rect width={w} height={h} rx={6} fill={color} fillOpacity={0.07} />
      <rect width={header} height={h} fill={colors.headerPaper} />
      <rect width={header} height={h} fill={color} fillOpacity={0.16} />
      <rect width={6} height={h} fill={color} />
      <line x1={header} y1={0} x2={header} y2={h} stroke={color} strokeOpacity={0.55} strokeWidth={1.5} />
      <rect width={w} height={h} rx={6} fill="none" stroke={color} strokeOpacity={0.55} strokeWidth={1.5} />
      {label ? (
        <SvgText
          editor={editor}
          text={label}
          x={18}
          y={h / 2 - 32}
          width={header - 28}
          height={28}
          fontSize={15}
          bold
          fill={colors.label}
          verticalAlign="middle"
        />
      ) : null}
      {chip.element}
    </g>
  )
}
