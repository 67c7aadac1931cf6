import { createPortal } from 'react-dom'
import { useEditor, useValue } from 'tldraw'
import { WalkthroughControls } from './WalkthroughControls.tsx'
import { WalkthroughOverlay } from './WalkthroughOverlay.tsx'
import { exitWalkthrough, startWalkthrough, walkthroughAtom } from './walkthrough-state.ts'
import './walkthrough.css'

/**
 * The toolbar's "Walk through" switch, and while a walk is on its overlay and controls, put over the
 * canvas in the editor's container (the toolbar is the one place of tldraw's UI this mode mounts in).
 */
export function WalkthroughMode() {
  const editor = useEditor()
  const on = useValue('walk-through on', () => walkthroughAtom(editor).get() !== null, [editor])
  return (
    <>
      <button
        type="button"
        className="flowmap-button flowmap-walk-button"
        aria-pressed={on}
        data-testid="walkthrough-toggle"
        title="Step a token through the map from its start, choosing branches at decisions"
        onClick={() => (on ? exitWalkthrough(editor) : startWalkthrough(editor))}
      >
        {on ? 'End walk-through' : 'Walk through'}
      </button>
      {on &&
        createPortal(
          <div className="flowmap-walk-layer">
            <WalkthroughOverlay />
            <WalkthroughControls editor={editor} />
          </div>,
          editor.getContainer(),
        )}
    </>
  )
}
