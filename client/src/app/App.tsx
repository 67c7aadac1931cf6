import { useCallback, useEffect, useState } from 'react'
import { HomePage } from '../home/HomePage.tsx'
import { LinkNotValidPage } from '../share/LinkNotValidPage.tsx'
import { linkProblemBeforeOpening } from '../share/link-problem.ts'
import { followColorMode } from './app-color-mode.ts'
import { BoardPage } from './BoardPage.tsx'
import { NewBoardPage } from './NewBoardPage.tsx'
import { NewVersionBanner } from './NewVersionBanner.tsx'
import type { NewVersionOffer } from './new-version.ts'
import { parseRoute, type Route } from './routes.ts'
import { loadRuntimeConfig, type RuntimeConfigResult } from './runtime-config.ts'
import './theme.css'

function currentRoute(): Route {
  return parseRoute(window.location.pathname, window.location.search)
}

/** The app's pages, and the offer of a new version over any of them. */
export function App({ newVersion }: { newVersion: NewVersionOffer }) {
  // On <html>, not a page's root: dialogs and replay are portals into <body> and follow it too.
  useEffect(() => followColorMode(document.documentElement), [])
  return (
    <>
      <Pages />
      <NewVersionBanner offer={newVersion} />
    </>
  )
}

/** The app's pages and the run-time config they need; plain History API routing, nothing more. */
function Pages() {
  const [route, setRoute] = useState<Route>(currentRoute)
  const [runtime, setRuntime] = useState<RuntimeConfigResult | null>(null)

  useEffect(() => {
    const onPopState = () => setRoute(currentRoute())
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  useEffect(() => {
    let cancelled = false
    loadRuntimeConfig().then((result) => {
      if (cancelled) return
      if (result.problem) console.info(`Flowmap: ${result.problem}; running without a tldraw licence key.`)
      setRuntime(result)
    })
    return () => {
      cancelled = true
    }
  }, [])

  const navigate = useCallback((path: string, options?: { replace?: boolean }) => {
    if (options?.replace) window.history.replaceState(null, '', path)
    else window.history.pushState(null, '', path)
    setRoute(currentRoute())
  }, [])

  switch (route.page) {
    case 'home':
      return (
        <HomePage
          token={route.token}
          navigate={navigate}
          deletedBoardRetentionDays={runtime?.config.deletedBoardRetentionDays ?? null}
        />
      )
    case 'new-board':
      return (
        <NewBoardPage token={route.token} title={route.title} template={route.template} navigate={navigate} />
      )
    case 'board':
      // The licence key must be known before tldraw mounts, so the board waits for /config.json.
      // On a server that requires links, a link that cannot work gets one clear page, not the board.
      if (runtime?.config.authRequired) {
        const problem = linkProblemBeforeOpening(route.token, route.boardId, Date.now())
        if (problem) return <LinkNotValidPage problem={problem} />
      }
      return runtime ? (
        <BoardPage
          key={route.boardId}
          boardId={route.boardId}
          token={route.token}
          licenseKey={runtime.config.tldrawLicenseKey}
        />
      ) : (
        <div className="flowmap-splash" role="status">
          Opening the board…
        </div>
      )
    case 'not-found':
      return (
        <div className="flowmap-splash" role="alert">
          <p>There is no page at {route.path}.</p>
          <p>
            <a href="/">Your boards</a>
          </p>
        </div>
      )
    default:
      throw new Error(`unknown route ${String(route satisfies never)}`)
  }
}
