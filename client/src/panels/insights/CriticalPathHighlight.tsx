import { type Editor, useEditor, useValue } from 'tldraw'
import { arrowTrace, type ViewportBox, viewportBox } from '../../shapes/viewport-geometry.ts'
import { criticalPathHighlightAtom } from './critical-path-state.ts'
import './insights.css'

type Frame = ViewportBox & { id: string }
type ConnectorTrace = { id: string; d: string }
type PathOverlay = { frames: Frame[]; connectors: ConnectorTrace[] }

/**
 * The critical path drawn over the canvas (tldraw's InFrontOfTheCanvas slot) while the Insights panel
 * asks for it: an outline around each shape on the path, and each connector on it traced along the
 * arrow's own geometry (its curve or elbows, without its label), so the highlight follows the arrows
 * a person drew rather than a straight line through the shapes.
 */
export function CriticalPathHighlight() {
  const editor = useEditor()
  const overlay = useValue('critical path overlay', () => pathOverlay(editor), [editor])
  if (overlay === null) return null
  return (
    <svg className="flowmap-critical-path" data-testid="critical-path-highlight" aria-hidden="true">
      {overlay.connectors.map((trace) => (
        <path
          key={trace.id}
          d={trace.d}
          className="flowmap-critical-path__line"
          data-testid="critical-path-connector"
          data-shape-id={trace.id}
        />
      ))}
      {overlay.frames.map((frame) => (
        <rect
          key={frame.id}
          x={frame.x - 6}
          y={frame.y - 6}
          width={frame.w + 12}
          height={frame.h + 12}
          rx="10"
          className="flowmap-critical-path__frame"
          data-shape-id={frame.id}
        />
      ))}
    </svg>
  )
}

function pathOverlay(editor: Editor): PathOverlay | null {
  const highlight = criticalPathHighlightAtom(editor).get()
  if (highlight === null) return null
  const frames: Frame[] = []
  for (const id of highlight.nodeIds) {
    const box = viewportBox(editor, id)
    if (box !== null) frames.push({ id, ...box })
  }
  const connectors: ConnectorTrace[] = []
  for (const id of highlight.edgeIds) {
    const d = arrowTrace(editor, id)
    if (d !== null) connectors.push({ id, d })
  }
  return { frames, connectors }
}
