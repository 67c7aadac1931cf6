/** The Hocuspocus endpoint of a server at `httpUrl`: ws://…/collab (wss for https). */
export function collabUrlOf(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/collab`
}
