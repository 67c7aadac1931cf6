import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { ShapeBadgeLayer, type ShapeBadgeProps } from '../../shapes/ShapeBadgeLayer.tsx'
import { lintIssuesByShape } from './lint-state.ts'
import './lint.css'

/** Half a badge: its centre sits on the shape's corner. */
const BADGE_OFFSET = 9

/** Every shape with a lint issue, as a string (see ShapeBadgeLayer). */
const shapesWithIssues = (editor: Editor) => [...lintIssuesByShape(editor).get().keys()].join(' ')

/** A small mark at the top-right corner of every shape that has a lint issue. */
export function LintBadges() {
  return (
    <ShapeBadgeLayer
      className="flowmap-lint-badges"
      announced={false}
      markedShapes={shapesWithIssues}
      nudge={`translate(-${BADGE_OFFSET}px, -${BADGE_OFFSET}px)`}
      Badge={LintBadge}
    />
  )
}

function LintBadge({ editor, shapeId, keepScreenSize }: ShapeBadgeProps) {
  const badge = useValue('lint badge', () => badgeOf(editor, shapeId), [editor, shapeId])
  if (badge === null) return null
  return (
    <span
      className={`flowmap-lint-badge flowmap-lint-badge--${badge.severity}`}
      data-testid="lint-badge"
      data-shape-id={shapeId}
      title={badge.title}
      style={{ transform: `translate(${badge.x}px, ${badge.y}px) ${keepScreenSize}` }}
    >
      {badge.count > 1 ? badge.count : '!'}
    </span>
  )
}

type Badge = { x: number; y: number; severity: 'error' | 'warning'; count: number; title: string }

function badgeOf(editor: Editor, shapeId: TLShapeId): Badge | null {
  const found = lintIssuesByShape(editor).get().get(shapeId)
  const shape = editor.getShape(shapeId)
  // Connectors show through their ends' badges; a badge on an arrow's box would float in space.
  if (found === undefined || shape === undefined || shape.type === 'arrow') return null
  const bounds = editor.getShapePageBounds(shape)
  if (bounds === undefined) return null
  return {
    x: bounds.maxX,
    y: bounds.minY,
    severity: found.severity,
    count: found.messages.length,
    title: found.messages.join('\n'),
  }
}
