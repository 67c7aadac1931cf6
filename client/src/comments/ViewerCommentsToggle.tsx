import { viewerCommentsField, writeWorkshopField } from '@flowmap/shared'
import type * as Y from 'yjs'
import { useWorkshopField } from '../workshop/use-workshop-field.ts'

/** A facilitator's board setting in the Workshop menu: whether people with a view link may comment. */
export function ViewerCommentsToggle({ doc }: { doc: Y.Doc | null }) {
  const on = useWorkshopField(doc, viewerCommentsField) === true
  if (doc === null) return null
  return (
    <button
      type="button"
      className="flowmap-button"
      data-testid="viewer-comments"
      aria-pressed={on}
      title={on ? 'Viewers only read comments' : 'People with a view link may comment (and only comment)'}
      onClick={() => writeWorkshopField(doc, viewerCommentsField, !on)}
    >
      {on ? 'Viewers may comment: on' : 'Viewers may comment: off'}
    </button>
  )
}
