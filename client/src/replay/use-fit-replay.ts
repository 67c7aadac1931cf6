import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'

/** Never zoom a small map in past 100 %: a three-card board reads best at its real size. */
const MAX_FIT_ZOOM = 1

/**
 * Once the history has loaded and the first moment is on the replay's page, fit the camera to the map,
 * as the live board's zoom-to-fit would: replay opens on the whole board, not at 100 % from the page
 * origin with most of it cut off. Only once: after that the camera is the person's, while they scrub.
 */
export function useFitReplayOnOpen(editor: Editor | null, ready: boolean): void {
  const fitted = useRef(false)
  useEffect(() => {
    if (!editor || !ready || fitted.current) return
    fitted.current = true
    // An empty board at its latest moment has nothing to fit: the camera stays where tldraw put it.
    const bounds = editor.getCurrentPageBounds()
    if (!bounds) return
    // The timeline appeared in this same commit and took room from the canvas; tldraw hears of that
    // from a resize observer only later, so measure now, or the fit uses the taller, older viewport.
    editor.updateViewportScreenBounds(editor.getContainer())
    editor.zoomToBounds(bounds, { targetZoom: MAX_FIT_ZOOM, immediate: true })
  })
}
