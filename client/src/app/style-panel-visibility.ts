/**
 * tldraw's drawing tools whose next shape takes the style panel's choices (colour, dash, arrow kind):
 * with one of them in hand the panel is the way to pick how the next shape looks.
 */
const STYLED_DRAWING_TOOLS: ReadonlySet<string> = new Set([
  'arrow',
  'draw',
  'highlight',
  'geo',
  'line',
  'text',
  'note',
  'frame',
])

/**
 * Whether the style panel shows: with a selection to restyle, or with a drawing tool whose next
 * shape it styles. Otherwise it stays closed, so at zoom-to-fit it does not cover the map.
 */
export function stylePanelVisible({
  selectedCount,
  toolId,
}: {
  selectedCount: number
  toolId: string
}): boolean {
  return selectedCount > 0 || STYLED_DRAWING_TOOLS.has(toolId)
}
