/**
 * GET /api/templates: every template facilitators saved on this server, newest first, records
 * included (the picker draws each thumbnail and creates the board from them). For the tokens that may
 * create boards: a template is a copy of a board, which a token for one board must not read.
 */
import type { TemplateListBody } from '@flowmap/shared'
import type { Route, RouteResult, UserRequest } from './route.ts'
import { savedTemplateJson } from './template-json.ts'

async function listTemplates({ context }: UserRequest): Promise<RouteResult<TemplateListBody>> {
  const templates = await context.storage.listTemplates()
  return { status: 200, body: { templates: templates.map(savedTemplateJson) } }
}

export const listTemplatesRoute: Route = {
  method: 'GET',
  path: '/api/templates',
  access: 'facilitate-all-boards',
  refusal:
    'listing saved templates needs a facilitator token for all boards (board "*"), as creating a board does',
  answer: listTemplates,
}
