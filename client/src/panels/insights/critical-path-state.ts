import { type Atom, atom, type Editor } from 'tldraw'

/** The shapes of the critical path the Insights panel asked the canvas to highlight, or null. */
export type PathHighlight = { nodeIds: readonly string[]; edgeIds: readonly string[] } | null

const highlightByEditor = new WeakMap<Editor, Atom<PathHighlight>>()

/** Per editor, like the lint issues: the overlay that draws it is rendered by tldraw. */
export function criticalPathHighlightAtom(editor: Editor): Atom<PathHighlight> {
  let highlight = highlightByEditor.get(editor)
  if (!highlight) {
    highlight = atom<PathHighlight>('critical path highlight', null)
    highlightByEditor.set(editor, highlight)
  }
  return highlight
}
