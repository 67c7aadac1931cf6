/** The WebSocket address of the sync server: the page's own host, path /collab (ws on http, wss on https). */
export function collabUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/collab`
}

/** The share-link token in the page address (`/b/<id>?token=...`), or null. */
export function tokenFromSearch(search: string): string | null {
  const token = new URLSearchParams(search).get('token')
  return token ? token : null
}
