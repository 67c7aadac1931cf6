/**
 * Every HTTP route the server answers, in one list: method, path, access and handler, each declared in
 * the route's own file. The dev proxy and the service worker know the server's paths from
 * `SERVER_PATH_PREFIXES` (@flowmap/shared); route-table.test.ts checks each path here is under one.
 */
import { assetReadRoute } from './asset-read-route.ts'
import { assetUploadRoute } from './asset-upload-route.ts'
import { boardRoute } from './board-route.ts'
import { createBoardRoute, listBoardsRoute } from './boards-route.ts'
import { deleteBoardRoute } from './delete-board-route.ts'
import { listDeletedBoardsRoute } from './deleted-boards-route.ts'
import { exportBpmnRoute } from './export-bpmn-route.ts'
import { exportMermaidRoute } from './export-mermaid-route.ts'
import { exportRoute } from './export-route.ts'
import { historyAtRoute } from './history-at-route.ts'
import { historyRoute } from './history-route.ts'
import { importRoute } from './import-route.ts'
import { contributorsRoute, insightsRoute } from './insights-route.ts'
import { invitesRoute } from './invites-route.ts'
import { moveInlineRoute } from './move-inline-route.ts'
import { OPS_ROUTES } from './ops-routes.ts'
import { peopleRoute } from './people-route.ts'
import { previewRoute } from './preview-route.ts'
import { restoreBoardRoute } from './restore-board-route.ts'
import type { Route } from './route.ts'
import { saveTemplateRoute } from './save-template-route.ts'
import { listTemplatesRoute } from './templates-route.ts'
import { listVersionsRoute, nameVersionRoute } from './versions-route.ts'

export const ROUTES: readonly Route[] = [
  ...OPS_ROUTES,
  listBoardsRoute,
  createBoardRoute,
  boardRoute,
  historyRoute,
  historyAtRoute,
  exportRoute,
  importRoute,
  exportBpmnRoute,
  exportMermaidRoute,
  invitesRoute,
  peopleRoute,
  insightsRoute,
  contributorsRoute,
  previewRoute,
  listVersionsRoute,
  nameVersionRoute,
  deleteBoardRoute,
  restoreBoardRoute,
  listDeletedBoardsRoute,
  listTemplatesRoute,
  saveTemplateRoute,
  assetUploadRoute,
  assetReadRoute,
  moveInlineRoute,
]
