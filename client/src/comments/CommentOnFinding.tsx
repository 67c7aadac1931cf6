import type { Editor, TLShapeId } from 'tldraw'
import { type CommentsController, updateUi, useComments } from './comments-ui.ts'

/** "Comment on this" beside a lint finding: a new thread's composer on the finding's shape, tagged with the rule. */
export function CommentOnFinding({
  editor,
  shapeIds,
  ruleId,
}: {
  editor: Editor | null
  shapeIds: readonly string[]
  ruleId: string
}) {
  const controller = useComments()
  const shapeId = shapeIds[0] as TLShapeId | undefined
  if (!controller?.canComment || !editor || !shapeId) return null
  return (
    <button
      type="button"
      className="flowmap-comment-link flowmap-lint__comment"
      data-testid="lint-comment"
      onClick={() => commentOnShape(editor, controller, shapeId, ruleId)}
    >
      Comment on this
    </button>
  )
}

export function commentOnShape(
  editor: Editor,
  controller: CommentsController,
  shapeId: TLShapeId,
  lintRule: string,
) {
  const bounds = editor.getShapePageBounds(shapeId)
  if (bounds) editor.centerOnPoint(bounds.center, { animation: { duration: 200 } })
  updateUi(controller, {
    openThread: null,
    draft: { anchor: { type: 'shape', shapeId, x: 1, y: 0, isPrecise: false }, lintRule },
  })
}
