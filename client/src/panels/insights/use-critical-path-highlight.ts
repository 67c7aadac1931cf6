import type { CriticalPath } from '@flowmap/shared'
import { useEffect } from 'react'
import { type Editor, useValue } from 'tldraw'
import { focusShapes } from '../lint/focus-shapes.ts'
import { criticalPathHighlightAtom } from './critical-path-state.ts'

/**
 * Whether the canvas highlights the critical path, and the switch for it. The highlight follows the
 * current path as the map changes, and goes when the panel does.
 */
export function useCriticalPathHighlight(
  editor: Editor | null,
  path: CriticalPath | undefined,
): { highlighted: boolean; toggle(): void } {
  const highlighted = useValue(
    'critical path highlighted',
    () => (editor ? criticalPathHighlightAtom(editor).get() !== null : false),
    [editor],
  )

  useEffect(() => {
    if (!editor || !path) return
    const atom = criticalPathHighlightAtom(editor)
    if (atom.get() !== null) atom.set({ nodeIds: path.nodeIds, edgeIds: path.edgeIds })
  }, [editor, path])
  useEffect(
    () => () => {
      if (editor) criticalPathHighlightAtom(editor).set(null)
    },
    [editor],
  )

  const toggle = () => {
    if (!editor || !path) return
    const atom = criticalPathHighlightAtom(editor)
    if (atom.get() === null) {
      atom.set({ nodeIds: path.nodeIds, edgeIds: path.edgeIds })
      focusShapes(editor, [...path.nodeIds, ...path.edgeIds], { select: false })
    } else atom.set(null)
  }
  return { highlighted, toggle }
}
