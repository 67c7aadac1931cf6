import { useEffect } from 'react'
import { type Editor, type TLCommentAnchor, useEditor, useValue } from 'tldraw'
import { anchorPagePoint, normalizedIn } from './anchor-point.ts'
import { clusterPins } from './clusters.ts'
import { authorColor, initialOf } from './comment-look.ts'
import { type CommentThreadView, liveComments } from './comment-text.ts'
import { type CommentsController, updateUi, useComments } from './comments-ui.ts'
import { ThreadPopover } from './ThreadPopover.tsx'
import { useThreads } from './use-threads.ts'
import './comments.css'

const CLUSTER_RADIUS = 28

/** Where an anchor is on screen now, or null when its shape is gone. */
export function anchorScreenPoint(editor: Editor, anchor: TLCommentAnchor): { x: number; y: number } | null {
  const point = anchorPagePoint(anchor, (id) => editor.getShapePageBounds(id as never))
  return point ? editor.pageToViewport(point) : null
}

/** The anchor a click at a page point makes: on a shape (where in it), else the point. */
export function anchorAt(editor: Editor, point: { x: number; y: number }): TLCommentAnchor {
  const shape = editor.getShapeAtPoint(point, { hitInside: true, margin: 4 })
  const bounds = shape ? editor.getShapePageBounds(shape) : undefined
  if (shape && bounds)
    return { type: 'shape', shapeId: shape.id, ...normalizedIn(bounds, point), isPrecise: true }
  return { type: 'point', x: point.x, y: point.y }
}

/** Over the canvas: the comment pins (clustered where they crowd), comment mode's click catcher, the open thread. */
export function CommentLayer() {
  const editor = useEditor()
  const controller = useComments()
  if (!controller) return null
  return <Layer editor={editor} controller={controller} />
}

function Layer({ editor, controller }: { editor: Editor; controller: CommentsController }) {
  const threads = useThreads(editor)
  const ui = useValue(controller.state)
  useCommentShortcut(editor, controller)
  const visible = threads.filter(
    ({ thread }) => ui.showResolved || thread.resolved === null || thread.id === ui.openThread,
  )
  const pins = useValue(
    'comment pins',
    () =>
      visible.flatMap((view) => {
        const at = anchorScreenPoint(editor, view.thread.anchor)
        return at ? [{ view, at }] : []
      }),
    [editor, visible],
  )
  const clusters = clusterPins(
    pins.map(({ view, at }) => ({ id: view.thread.id, x: at.x, y: at.y, count: liveComments(view).length })),
    CLUSTER_RADIUS,
  )
  const byId = new Map(pins.map((pin) => [pin.view.thread.id as string, pin]))
  const open = ui.openThread ? (byId.get(ui.openThread) ?? null) : null
  const draftAt = useValue(
    'draft point',
    () => (ui.draft ? anchorScreenPoint(editor, ui.draft.anchor) : null),
    [editor, ui.draft],
  )
  const mode = ui.mode && controller.canComment
  return (
    <div className="flowmap-comment-layer">
      {mode && (
        <div
          className="flowmap-comment-catcher"
          data-testid="comment-catcher"
          onPointerDown={(event) => {
            event.stopPropagation()
            // No focus change on the press: the new composer keeps the focus it takes.
            event.preventDefault()
            const point = editor.screenToPage({ x: event.clientX, y: event.clientY })
            updateUi(controller, { draft: { anchor: anchorAt(editor, point) }, openThread: null })
          }}
        />
      )}
      {clusters.map((cluster) => {
        if (cluster.ids.length > 1)
          return (
            <button
              key={cluster.ids.join(' ')}
              type="button"
              className="flowmap-comment-pin flowmap-comment-pin--cluster"
              data-testid="comment-cluster"
              style={{ left: cluster.x, top: cluster.y }}
              title={`${cluster.ids.length} threads: zoom in`}
              onPointerDown={(event) => event.stopPropagation()}
              onClick={() =>
                zoomToCluster(
                  editor,
                  cluster.ids.map((id) => byId.get(id)!.view),
                )
              }
            >
              {cluster.ids.length}
            </button>
          )
        const pin = byId.get(cluster.ids[0]!)!
        return (
          <Pin
            key={pin.view.thread.id}
            view={pin.view}
            at={pin.at}
            controller={controller}
            open={ui.openThread === pin.view.thread.id}
          />
        )
      })}
      {ui.draft && draftAt && (
        <>
          <span
            className="flowmap-comment-pin flowmap-comment-pin--draft"
            style={{ left: draftAt.x, top: draftAt.y }}
          />
          <ThreadPopover editor={editor} controller={controller} view={null} at={draftAt} />
        </>
      )}
      {open && (
        <ThreadPopover
          key={open.view.thread.id}
          editor={editor}
          controller={controller}
          view={open.view}
          at={open.at}
        />
      )}
    </div>
  )
}

function Pin({
  view,
  at,
  controller,
  open,
}: {
  view: CommentThreadView
  at: { x: number; y: number }
  controller: CommentsController
  open: boolean
}) {
  const first = view.comments[0]
  const name = typeof first?.meta.authorName === 'string' ? first.meta.authorName : '?'
  const count = liveComments(view).length
  return (
    <button
      type="button"
      className="flowmap-comment-pin"
      data-testid="comment-pin"
      data-thread-id={view.thread.id}
      data-resolved={view.thread.resolved !== null}
      aria-pressed={open}
      aria-label={`Comment by ${name}, ${count} ${count === 1 ? 'message' : 'messages'}`}
      style={{
        left: at.x,
        top: at.y,
        ['--pin-color' as string]: authorColor(first?.authorId ?? view.thread.createdBy),
      }}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={() => updateUi(controller, { openThread: open ? null : view.thread.id, draft: null })}
    >
      <span className="flowmap-comment-pin__initial">{initialOf(name)}</span>
      {count > 1 && (
        <span className="flowmap-comment-pin__count" data-testid="comment-pin-count">
          {count}
        </span>
      )}
    </button>
  )
}

function zoomToCluster(editor: Editor, views: readonly CommentThreadView[]) {
  const points = views.flatMap((view) => {
    const point = anchorPagePoint(view.thread.anchor, (id) => editor.getShapePageBounds(id as never))
    return point ? [point] : []
  })
  if (points.length === 0) return
  const xs = points.map((point) => point.x)
  const ys = points.map((point) => point.y)
  const minX = Math.min(...xs)
  const minY = Math.min(...ys)
  const w = Math.max(Math.max(...xs) - minX, 40)
  const h = Math.max(Math.max(...ys) - minY, 40)
  editor.zoomToBounds(
    { x: minX - w / 2, y: minY - h / 2, w: w * 2, h: h * 2 },
    { animation: { duration: 200 } },
  )
}

/** Zooms to a thread and opens it (the panel's rows, the deep link). */
export function revealThread(editor: Editor, controller: CommentsController, view: CommentThreadView): void {
  const point = anchorPagePoint(view.thread.anchor, (id) => editor.getShapePageBounds(id as never))
  if (point) editor.centerOnPoint(point, { animation: { duration: 200 } })
  updateUi(controller, {
    openThread: view.thread.id,
    draft: null,
    showResolved: controller.state.get().showResolved || view.thread.resolved !== null,
  })
}

/** Shift+C (and C for a viewer, who has no Stage tool) toggles comment mode; Escape leaves it. */
function useCommentShortcut(editor: Editor, controller: CommentsController) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, [contenteditable="true"]')) return
      if (event.metaKey || event.ctrlKey || event.altKey) return
      const key = event.key.toLowerCase()
      if (key === 'escape' && controller.state.get().mode) {
        updateUi(controller, { mode: false, draft: null })
        return
      }
      if (key !== 'c' || !controller.canComment) return
      if (!event.shiftKey && !editor.getIsReadonly()) return
      event.preventDefault()
      event.stopPropagation()
      updateUi(controller, { mode: !controller.state.get().mode, draft: null })
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [editor, controller])
}
