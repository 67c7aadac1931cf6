import type { Editor, TLShape } from 'tldraw'
import { getBoardRole } from './board-roles.ts'
import { roleInitials, textColorOn } from './role-badge.ts'
import { SVG_FONT_FAMILY, SvgText, svgPill } from './svg-text.tsx'
import { automationColors, type ColorMode, cardInk, statusColors, stepCardColors } from './workflow-colors.ts'
import { AUTOMATION_OPTIONS, formatHours, labelOf, STATUS_OPTIONS } from './workflow-vocabulary.ts'

const PADDING_LEFT = 14
const BADGE_FONT = 10.5

/** A step card in SVG, laid out as the HTML card is (badges, label, owner and estimate). */
export function StepSvg({
  editor,
  shape,
  mode,
}: {
  editor: Editor
  shape: TLShape<'step'>
  mode: ColorMode
}) {
  const { w, h, label, owner, status, automation, estimate, wait } = shape.props
  const parent = editor.getShape(shape.parentId as TLShape['id'])
  const role =
    owner !== null
      ? getBoardRole(editor, owner)
      : parent?.type === 'lane'
        ? getBoardRole(editor, parent.props.roleId)
        : null
  const card = stepCardColors(status, mode)
  const ink = cardInk(mode)
  const clipId = `flowmap-step-clip-${shape.id.replace(/[^A-Za-z0-9_-]/g, '')}`

  const statusPill = svgPill({
    editor,
    text: labelOf(STATUS_OPTIONS, status),
    x: PADDING_LEFT,
    y: 9,
    fontSize: BADGE_FONT,
    fill: statusColors(status, mode).fill,
    color: statusColors(status, mode).text,
  })
  const automationPill = svgPill({
    editor,
    text: labelOf(AUTOMATION_OPTIONS, automation),
    x: PADDING_LEFT + statusPill.width + 5,
    y: 9,
    fontSize: BADGE_FONT,
    fill: automationColors(automation, mode).fill,
    color: automationColors(automation, mode).text,
  })
  const estimateText = estimate === null ? null : formatHours(estimate)
  const estimatePill = estimateText
    ? svgPill({ editor, text: estimateText, x: 0, y: 0, fontSize: 11, fill: ink.pill, color: ink.secondary })
    : null
  const waitPill =
    wait !== null && wait > 0
      ? svgPill({
          editor,
          text: `wait ${formatHours(wait)}`,
          x: 0,
          y: 0,
          fontSize: 11,
          fill: ink.pill,
          color: ink.secondary,
        })
      : null
  const footerY = h - 20
  const estimateX = w - 11 - (estimatePill?.width ?? -5)

  return (
    <g>
      <defs>
        <clipPath id={clipId}>
          <rect width={w} height={h} rx={10} />
        </clipPath>
      </defs>
      <rect width={w} height={h} rx={10} fill={card.fill} />
      {role && <rect width={5} height={h} fill={role.color} clipPath={`url(#${clipId})`} />}
      <rect
        x={0.75}
        y={0.75}
        width={w - 1.5}
        height={h - 1.5}
        rx={9.5}
        fill="none"
        stroke={card.stroke}
        strokeWidth={1.5}
      />
      {statusPill.element}
      {automationPill.element}
      <SvgText
        editor={editor}
        text={label}
        x={PADDING_LEFT}
        y={34}
        width={w - PADDING_LEFT - 11}
        height={Math.max(0, footerY - 14 - 34)}
        fontSize={15}
        bold
        fill={ink.label}
      />
      <circle
        cx={PADDING_LEFT + 11}
        cy={footerY}
        r={11}
        fill={role?.color ?? ink.pill}
        opacity={owner === null && role ? 0.6 : 1}
      />
      <text
        x={PADDING_LEFT + 11}
        y={footerY}
        textAnchor="middle"
        dominantBaseline="central"
        fontFamily={SVG_FONT_FAMILY}
        fontSize={10}
        fontWeight="bold"
        fill={role ? textColorOn(role.color) : ink.missing}
      >
        {role ? roleInitials(role.name) : '?'}
      </text>
      <text
        x={PADDING_LEFT + 27}
        y={footerY}
        dominantBaseline="central"
        fontFamily={SVG_FONT_FAMILY}
        fontSize={11.5}
        fill={role ? ink.secondary : ink.missing}
      >
        {role ? role.name : owner ? 'Unknown role' : 'No owner'}
      </text>
      {estimatePill && <g transform={`translate(${estimateX}, ${footerY - 9})`}>{estimatePill.element}</g>}
      {waitPill && (
        <g transform={`translate(${estimateX - 5 - waitPill.width}, ${footerY - 9})`}>{waitPill.element}</g>
      )}
    </g>
  )
}
