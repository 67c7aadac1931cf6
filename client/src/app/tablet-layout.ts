/**
 * A tablet is a touch screen wider than a phone (phone.css takes 640 px and less): its panels are a
 * drawer over the board (tablet.css, which repeats this query), so they start closed, as on a phone.
 */
export const TABLET_MEDIA_QUERY = '(min-width: 641px) and (max-width: 1366px) and (pointer: coarse)'

/** Below this width the side panels start closed: the board gets the room, the panels are a tap away. */
const NARROW_WINDOW_PX = 900

/** Whether the board's side panels start open in this window. */
export function panelsStartOpen(host: Pick<Window, 'innerWidth' | 'matchMedia'>): boolean {
  return host.innerWidth >= NARROW_WINDOW_PX && !host.matchMedia(TABLET_MEDIA_QUERY).matches
}
