import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'
import { criticalPathHighlightAtom } from './critical-path-state.ts'
import './insights.css'

type Frame = { id: string; x: number; y: number; w: number; h: number }

/**
 * The critical path drawn over the canvas (tldraw's InFrontOfTheCanvas slot) while the Insights panel
 * asks for it: an outline around each shape on the path and a line through their centres.
 */
export function CriticalPathHighlight() {
  const editor = useEditor()
  const frames = useValue('critical path frames', () => pathFrames(editor), [editor])
  if (frames === null) return null
  const centres = frames.map((frame) => `${frame.x + frame.w / 2},${frame.y + frame.h / 2}`).join(' ')
  return (
    <svg className="flowmap-critical-path" data-testid="critical-path-highlight" aria-hidden="true">
      <polyline points={centres} className="flowmap-critical-path__line" />
      {frames.map((frame) => (
        <rect
          key={frame.id}
          x={frame.x - 6}
          y={frame.y - 6}
          width={frame.w + 12}
          height={frame.h + 12}
          rx="10"
          className="flowmap-critical-path__frame"
        />
      ))}
    </svg>
  )
}

function pathFrames(editor: Editor): Frame[] | null {
  const highlight = criticalPathHighlightAtom(editor).get()
  if (highlight === null) return null
  const frames: Frame[] = []
  for (const id of highlight.nodeIds) {
    const bounds = editor.getShapePageBounds(id as TLShapeId)
    if (bounds === undefined) continue
    const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
    const zoom = editor.getZoomLevel()
    frames.push({ id, x: topLeft.x, y: topLeft.y, w: bounds.w * zoom, h: bounds.h * zoom })
  }
  return frames
}
