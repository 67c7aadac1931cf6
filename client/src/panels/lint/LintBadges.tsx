import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'
import { lintIssuesByShape } from './lint-state.ts'
import './lint.css'

type Badge = { id: string; x: number; y: number; severity: 'error' | 'warning'; count: number; title: string }

/**
 * A small mark at the top-right corner of every shape that has a lint issue. It lives on the canvas
 * (tldraw's OnTheCanvas slot, which the camera transforms): positions are in page coordinates, so
 * panning moves the marks with their shapes without rendering anything, and each mark is scaled by
 * 1/zoom to keep its size on screen. (Drawn in screen coordinates over the canvas, they were
 * recomputed for every shape on every frame of a pan.)
 */
export function LintBadges() {
  const editor = useEditor()
  const badges = useValue('lint badges', () => pageBadges(editor), [editor])
  const zoom = useValue('zoom level', () => editor.getZoomLevel(), [editor])
  if (badges.length === 0) return null
  const keepScreenSize = `scale(${1 / zoom}) translate(-${BADGE_OFFSET}px, -${BADGE_OFFSET}px)`
  return (
    <div className="flowmap-lint-badges" aria-hidden="true">
      {badges.map((badge) => (
        <span
          key={badge.id}
          className={`flowmap-lint-badge flowmap-lint-badge--${badge.severity}`}
          data-testid="lint-badge"
          data-shape-id={badge.id}
          title={badge.title}
          style={{ transform: `translate(${badge.x}px, ${badge.y}px) ${keepScreenSize}` }}
        >
          {badge.count > 1 ? badge.count : '!'}
        </span>
      ))}
    </div>
  )
}

/** Half a badge: its centre sits on the shape's corner. */
const BADGE_OFFSET = 9

function pageBadges(editor: Editor): Badge[] {
  const byShape = lintIssuesByShape(editor).get()
  if (byShape.size === 0) return []
  const badges: Badge[] = []
  for (const [id, found] of byShape) {
    const shape = editor.getShape(id as TLShapeId)
    // Connectors show through their ends' badges; a badge on an arrow's box would float in space.
    if (shape === undefined || shape.type === 'arrow') continue
    const bounds = editor.getShapePageBounds(shape)
    if (bounds === undefined) continue
    badges.push({
      id,
      x: bounds.maxX,
      y: bounds.minY,
      severity: found.severity,
      count: found.messages.length,
      title: found.messages.join('\n'),
    })
  }
  return badges
}
