import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'
import { lintIssuesByShape } from './lint-state.ts'
import './lint.css'

type Badge = { id: string; x: number; y: number; severity: 'error' | 'warning'; count: number; title: string }

/**
 * A small mark at the top-right corner of every shape that has a lint issue, drawn over the canvas
 * (tldraw's InFrontOfTheCanvas slot) in screen coordinates, so it keeps its size at any zoom. Only
 * shapes in the viewport get one.
 */
export function LintBadges() {
  const editor = useEditor()
  const badges = useValue('lint badges', () => visibleBadges(editor), [editor])
  if (badges.length === 0) return null
  return (
    <div className="flowmap-lint-badges" aria-hidden="true">
      {badges.map((badge) => (
        <span
          key={badge.id}
          className={`flowmap-lint-badge flowmap-lint-badge--${badge.severity}`}
          data-testid="lint-badge"
          data-shape-id={badge.id}
          title={badge.title}
          style={{ transform: `translate(${badge.x}px, ${badge.y}px)` }}
        >
          {badge.count > 1 ? badge.count : '!'}
        </span>
      ))}
    </div>
  )
}

function visibleBadges(editor: Editor): Badge[] {
  const byShape = lintIssuesByShape(editor).get()
  if (byShape.size === 0) return []
  const viewport = editor.getViewportPageBounds()
  const badges: Badge[] = []
  for (const [id, found] of byShape) {
    const shape = editor.getShape(id as TLShapeId)
    // Connectors show through their ends' badges; a badge on an arrow's box would float in space.
    if (shape === undefined || shape.type === 'arrow') continue
    const bounds = editor.getShapePageBounds(shape)
    if (bounds === undefined || !viewport.includes(bounds)) continue
    const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
    badges.push({
      id,
      x: corner.x - 9,
      y: corner.y - 9,
      severity: found.severity,
      count: found.messages.length,
      title: found.messages.join('\n'),
    })
  }
  return badges
}
