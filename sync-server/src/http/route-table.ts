/**
 * Every HTTP route the server answers, in one list: method, path, access and handler, each declared in
 * the route's own file. The dev proxy and the service worker know the server's paths from
 * `SERVER_PATH_PREFIXES` (@flowmap/shared); route-table.test.ts checks each path here is under one.
 */
import { boardRoute } from './board-route.ts'
import { boardsRoutes } from './boards-route.ts'
import { exportRoute } from './export-route.ts'
import { historyAtRoute } from './history-at-route.ts'
import { historyRoute } from './history-route.ts'
import { insightsRoute } from './insights-route.ts'
import { invitesRoute } from './invites-route.ts'
import { opsRoutes } from './ops-routes.ts'
import { previewRoute } from './preview-route.ts'
import type { Route, RouteContext } from './route.ts'
import { versionsRoutes } from './versions-route.ts'

export function routeTable(context: RouteContext): Route[] {
  return [
    ...opsRoutes(context),
    ...boardsRoutes(context),
    boardRoute(context),
    historyRoute(context),
    historyAtRoute(context),
    exportRoute(context),
    invitesRoute(context),
    insightsRoute(context),
    previewRoute(context),
    ...versionsRoutes(context),
  ]
}
