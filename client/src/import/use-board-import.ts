import { useEffect, useMemo } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { type BoardImport, boardImportFor } from './board-import.ts'
import { takeHandedOverReport } from './handed-over-report.ts'

/**
 * The board page's imports, or null for someone who may not edit (a viewer is not offered Import).
 * A report the home page handed over for this board (made there from a file) is shown once, and the
 * view fits the new board's content once it has loaded.
 */
export function useBoardImport(
  editor: Editor | null,
  doc: Y.Doc | null,
  boardId: string,
  canEdit: boolean,
): BoardImport | null {
  const imports = useMemo(
    () => (editor && doc && canEdit ? boardImportFor(editor, doc) : null),
    [editor, doc, canEdit],
  )
  useEffect(() => {
    if (!imports || !editor) return
    const handed = takeHandedOverReport(boardId)
    if (!handed) return
    imports.showReport(handed.name, handed.report)
    // The board's records arrive from the device a moment after the editor mounts.
    const fit = () => {
      if (editor.getCurrentPageShapeIds().size === 0) return false
      editor.zoomToFit({ immediate: true })
      return true
    }
    if (fit()) return
    const stop = editor.store.listen(() => {
      if (fit()) stop()
    })
    return stop
  }, [imports, editor, boardId])
  return imports
}
