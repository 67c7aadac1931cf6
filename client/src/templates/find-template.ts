import { type BoardTemplate, BUILT_IN_TEMPLATES, builtInTemplate } from '@flowmap/shared'
import { fetchSavedTemplates } from './saved-templates-api.ts'

export type FoundTemplate = { ok: true; template: BoardTemplate | null } | { ok: false; message: string }

/**
 * The template `/new?template=<id>` names: a built-in one (offline too), else one saved on the server.
 * No id is a blank board; an id of no template is a sentence saying which ids there are, not a blank
 * board the person did not ask for.
 */
export async function findTemplate(
  id: string | null,
  token: string | null,
  fetchSaved: typeof fetchSavedTemplates = fetchSavedTemplates,
): Promise<FoundTemplate> {
  if (id === null) return { ok: true, template: null }
  const builtIn = builtInTemplate(id)
  if (builtIn) return { ok: true, template: builtIn }
  const saved = await fetchSaved({ token })
  const found = saved.ok ? saved.templates.find((template) => template.id === id) : undefined
  if (found) return { ok: true, template: found }
  const known = BUILT_IN_TEMPLATES.map((template) => template.id).join(', ')
  return {
    ok: false,
    message: saved.ok
      ? `There is no template "${id}". The built-in ones are: ${known}.`
      : `"${id}" is not a built-in template (${known}), and the saved ones could not be looked up: ${saved.message}`,
  }
}
