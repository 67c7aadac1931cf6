import type { OpenVote, VoteResults } from '@flowmap/shared'
import { createPortal } from 'react-dom'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { ballotShapes } from './ballot-shapes.ts'
import type { VoteChannel } from './vote-channel.ts'

interface ScreenBox {
  id: string
  left: number
  top: number
  width: number
  height: number
}

function screenBoxes(editor: Editor, ids: readonly string[]): ScreenBox[] {
  return ids.flatMap((id) => {
    const bounds = editor.getShapePageBounds(id as TLShapeId)
    if (!bounds) return []
    const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
    const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
    return [
      {
        id,
        left: topLeft.x,
        top: topLeft.y,
        width: bottomRight.x - topLeft.x,
        height: bottomRight.y - topLeft.y,
      },
    ]
  })
}

/**
 * While a vote is open: a click target over each shape on the ballot, showing this person's own dots
 * (a × on each takes it back). Rendered into the editor's container in viewport coordinates, like the
 * replay outlines; it never touches the store.
 */
export function BallotTargets({
  editor,
  doc,
  vote,
  mine,
  channel,
}: {
  editor: Editor
  doc: Y.Doc
  vote: OpenVote
  mine: readonly string[]
  channel: VoteChannel
}) {
  const boxes = useValue(
    'ballot targets',
    () =>
      screenBoxes(
        editor,
        ballotShapes(editor, doc, vote.scope).map((shape) => shape.id),
      ),
    [editor, doc, vote.scope],
  )
  return createPortal(
    <div className="flowmap-ballot" data-testid="ballot">
      {boxes.map((box) => {
        const dots = mine.filter((id) => id === box.id).length
        const style = { left: box.left, top: box.top, width: box.width, height: box.height }
        return (
          // Kept from tldraw's canvas handlers, so a click votes rather than selecting the shape beneath.
          <div
            key={box.id}
            className="flowmap-ballot__shape"
            style={style}
            onPointerDown={(event) => event.stopPropagation()}
            onPointerUp={(event) => event.stopPropagation()}
          >
            <button
              type="button"
              className="flowmap-ballot__target"
              data-testid="vote-target"
              data-shape-id={box.id}
              data-my-votes={dots}
              aria-label={dots > 0 ? `Vote again (you have ${dots} here)` : 'Vote for this'}
              onClick={() => channel.send({ type: 'vote-cast', voteId: vote.id, shapeId: box.id })}
            />
            <span className="flowmap-ballot__dots">
              {Array.from({ length: dots }, (_, i) => (
                <button
                  type="button"
                  // biome-ignore lint/suspicious/noArrayIndexKey: a person's dots on one shape are alike; the index is all that tells them apart.
                  key={i}
                  className="flowmap-ballot__dot"
                  data-testid="vote-dot"
                  data-shape-id={box.id}
                  aria-label="Take this vote back"
                  title="Take this vote back"
                  onClick={() => channel.send({ type: 'vote-withdraw', voteId: vote.id, shapeId: box.id })}
                >
                  ×
                </button>
              ))}
            </span>
          </div>
        )
      })}
    </div>,
    editor.getContainer(),
  )
}

/** After the reveal: a count badge on each shape that got votes (top left: lint badges are top right). */
export function ResultBadges({ editor, results }: { editor: Editor; results: VoteResults }) {
  const boxes = useValue('vote result badges', () => screenBoxes(editor, Object.keys(results.counts)), [
    editor,
    results,
  ])
  return createPortal(
    <div className="flowmap-ballot flowmap-ballot--results" aria-hidden="true">
      {boxes.map((box) => (
        <span
          key={box.id}
          className="flowmap-ballot__count"
          data-testid="vote-count"
          data-shape-id={box.id}
          data-count={results.counts[box.id]}
          style={{ left: box.left - 14, top: box.top - 14 }}
        >
          {results.counts[box.id]}
        </span>
      ))}
    </div>,
    editor.getContainer(),
  )
}
