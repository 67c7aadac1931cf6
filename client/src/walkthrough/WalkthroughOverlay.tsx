import type { WalkToken } from '@flowmap/shared'
import { type Editor, useEditor, useValue } from 'tldraw'
import { arrowTrace, type ViewportBox, viewportBox } from '../shapes/viewport-geometry.ts'
import { currentWalkState, walkthroughAtom } from './walkthrough-state.ts'
import './walkthrough.css'

type Drawn = {
  visited: Array<ViewportBox & { id: string }>
  taken: Array<{ id: string; d: string }>
  tokens: Array<{ id: string; nodeId: string; status: WalkToken['status']; x: number; y: number }>
}

/**
 * The walk drawn over the canvas: the nodes reached framed, the arrows taken traced, and a glowing
 * ring for each token on the node it stands at (several tokens on one node sit side by side).
 */
export function WalkthroughOverlay() {
  const editor = useEditor()
  const drawn = useValue('walk-through overlay', () => drawWalk(editor), [editor])
  if (drawn === null) return null
  return (
    <svg className="flowmap-walk-overlay" data-testid="walkthrough-overlay" aria-hidden="true">
      {drawn.taken.map((trace) => (
        <path
          key={trace.id}
          d={trace.d}
          className="flowmap-walk-overlay__edge"
          data-testid="walkthrough-taken-edge"
          data-shape-id={trace.id}
        />
      ))}
      {drawn.visited.map((box) => (
        <rect
          key={box.id}
          x={box.x - 5}
          y={box.y - 5}
          width={box.w + 10}
          height={box.h + 10}
          rx="10"
          className="flowmap-walk-overlay__visited"
          data-testid="walkthrough-visited-node"
          data-shape-id={box.id}
        />
      ))}
      {drawn.tokens.map((token) => (
        <g
          key={token.id}
          className="flowmap-walk-overlay__token"
          data-testid="walkthrough-token"
          data-node-id={token.nodeId}
          data-status={token.status}
        >
          <circle cx={token.x} cy={token.y} r="14" className="flowmap-walk-overlay__glow" />
          <circle cx={token.x} cy={token.y} r="7" className="flowmap-walk-overlay__dot" />
        </g>
      ))}
    </svg>
  )
}

function drawWalk(editor: Editor): Drawn | null {
  const walk = walkthroughAtom(editor).get()
  if (walk === null) return null
  const state = currentWalkState(walk)
  const visited: Drawn['visited'] = []
  for (const id of state.visitedNodeIds) {
    const box = viewportBox(editor, id)
    if (box !== null) visited.push({ id, ...box })
  }
  const taken: Drawn['taken'] = []
  for (const id of state.takenEdgeIds) {
    const d = arrowTrace(editor, id)
    if (d !== null) taken.push({ id, d })
  }
  const tokens: Drawn['tokens'] = []
  const atNode = new Map<string, number>()
  for (const token of state.tokens) {
    if (token.status === 'done') continue
    const box = viewportBox(editor, token.nodeId)
    if (box === null) continue
    const k = atNode.get(token.nodeId) ?? 0
    atNode.set(token.nodeId, k + 1)
    // On the top edge of the node, a ring's width apart for each further token there.
    tokens.push({
      id: token.id,
      nodeId: token.nodeId,
      status: token.status,
      x: box.x + 16 + k * 30,
      y: box.y,
    })
  }
  return { visited, taken, tokens }
}
