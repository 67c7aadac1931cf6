import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'
import { lintIssuesByShape } from './lint-state.ts'
import './lint.css'

/** Half a badge: its centre sits on the shape's corner. */
const BADGE_OFFSET = 9

/**
 * A small mark at the top-right corner of every shape that has a lint issue. It lives on the canvas
 * (tldraw's OnTheCanvas slot, which the camera transforms): positions are in page coordinates, so
 * panning moves the marks with their shapes without rendering anything, and each mark is scaled by
 * 1/zoom to keep its size on screen. Each mark follows its own shape, so dragging one shape renders
 * one mark; the list changes only when the issues do.
 */
export function LintBadges() {
  const editor = useEditor()
  // A string, so that an unchanged set of shapes is an unchanged value (no render of the list).
  const ids = useValue(
    'shapes with lint issues',
    () => [...lintIssuesByShape(editor).get().keys()].join(' '),
    [editor],
  )
  const zoom = useValue('zoom level', () => editor.getZoomLevel(), [editor])
  if (ids === '') return null
  const keepScreenSize = `scale(${1 / zoom}) translate(-${BADGE_OFFSET}px, -${BADGE_OFFSET}px)`
  return (
    <div className="flowmap-lint-badges" aria-hidden="true">
      {ids.split(' ').map((id) => (
        <LintBadge key={id} editor={editor} shapeId={id as TLShapeId} keepScreenSize={keepScreenSize} />
      ))}
    </div>
  )
}

function LintBadge({
  editor,
  shapeId,
  keepScreenSize,
}: {
  editor: Editor
  shapeId: TLShapeId
  keepScreenSize: string
}) {
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
