import { boardIdOfPath } from '@flowmap/shared'

/** Where the browser is in the app: the home page (the boards list), the page that creates a board, or one board. */
export type Route =
  | { readonly page: 'home'; readonly token: string | null }
  | {
      readonly page: 'new-board'
      readonly token: string | null
      readonly title: string | null
      /** `?template=<id>`: a built-in template's id, or a saved one's (`saved-…`); null for a blank board. */
      readonly template: string | null
    }
  | { readonly page: 'board'; readonly boardId: string; readonly token: string | null }
  | { readonly page: 'not-found'; readonly path: string }

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search)
  const token = params.get('token') || null
  // `/?token=...`: a facilitator's link that may list and create boards on a server that requires sign-in.
  if (pathname === '/' || pathname === '') return { page: 'home', token }
  // `/new` creates a board straight away (scripts, bookmarks, the e2e specs): named `?title=…`, or
  // numbered after the untitled boards already listed, so new boards are told apart; `?template=…`
  // starts it from a template.
  if (pathname === '/new' || pathname === '/new/') {
    return {
      page: 'new-board',
      token,
      title: params.get('title')?.trim() || null,
      template: params.get('template')?.trim() || null,
    }
  }
  const boardId = boardIdOfPath(pathname)
  if (boardId === null) return { page: 'not-found', path: pathname }
  return { page: 'board', boardId, token }
}

/** The path that opens a board, keeping a share token so a reload stays signed in. */
export function boardPath(boardId: string, token: string | null = null): string {
  const path = `/b/${encodeURIComponent(boardId)}`
  return token ? `${path}?${new URLSearchParams({ token }).toString()}` : path
}
