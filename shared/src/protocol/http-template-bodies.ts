/**
 * The board-template bodies of the HTTP API. POST /api/boards/:id/templates `{ name, description? }`
 * (a facilitator saves the board as it is now: the server takes the records and roles from its own
 * copy, so board content never travels in an HTTP body) answers 201 with the saved template; GET
 * /api/templates lists every saved template, records included, for the new-board picker. Both ends
 * read these with the validators here; records and roles are held to the model's own validators.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { type Role, roleValidator } from '../schema/role.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { describeValidationFailure } from '../schema/validation-failure.ts'
import { type BodyRead, readBody } from './http-body-read.ts'

export const MAX_TEMPLATE_NAME_CHARS = 80
export const MAX_TEMPLATE_DESCRIPTION_CHARS = 300

const nonEmptyName = T.string.check('name', (name) => {
  if (name.trim() === '') throw new Error('must not be empty')
  if (name.length > MAX_TEMPLATE_NAME_CHARS)
    throw new Error(`must be at most ${MAX_TEMPLATE_NAME_CHARS} characters`)
})
const description = T.string.check('description', (text) => {
  if (text.length > MAX_TEMPLATE_DESCRIPTION_CHARS) {
    throw new Error(`must be at most ${MAX_TEMPLATE_DESCRIPTION_CHARS} characters`)
  }
})

const saveTemplateRequest = T.object({ name: nonEmptyName, description: description.optional() })

/** POST /api/boards/:id/templates: what the facilitator names the template. */
export type SaveTemplateRequest = T.TypeOf<typeof saveTemplateRequest>

/** A record as the model takes it: the same check the socket applies to a written record. */
const templateRecord = T.any.check('record', (record) => {
  const checked = validateRecord(record)
  if (!checked.ok) throw new Error(checked.error.message)
}) as T.Validatable<TLRecord>

const savedTemplateJson = T.object({
  /** `saved-…`, unique on the server; the picker and `/new?template=` name it. */
  id: T.string,
  name: T.string,
  description: T.string,
  /** The board it was saved from. */
  boardId: T.string,
  /** ISO 8601 */
  createdAt: T.string,
  createdBy: T.string,
  roles: T.arrayOf(roleValidator as T.Validatable<Role>),
  records: T.arrayOf(templateRecord),
}).allowUnknownProperties()

export type SavedTemplateJson = T.TypeOf<typeof savedTemplateJson>

const templateListBody = T.object({ templates: T.arrayOf(savedTemplateJson) }).allowUnknownProperties()

/** GET /api/templates: the saved templates, newest first. */
export type TemplateListBody = T.TypeOf<typeof templateListBody>

/** The server's read of a save request; the reason names the field and what is wrong with it. */
export function readSaveTemplateRequest(json: unknown): BodyRead<SaveTemplateRequest> {
  const what = 'the template to save (POST /api/boards/:id/templates)'
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: `${what} is not a JSON object` }
  }
  try {
    return { ok: true, body: saveTemplateRequest.validate(json) }
  } catch (error) {
    const { field, reason } = describeValidationFailure(error)
    return { ok: false, reason: `${what}: ${field || 'the body'} ${reason}` }
  }
}

export function readSavedTemplateBody(json: unknown): BodyRead<SavedTemplateJson> {
  return readBody(savedTemplateJson, json, 'the saved template (POST /api/boards/:id/templates)')
}

export function readTemplateListBody(json: unknown): BodyRead<TemplateListBody> {
  return readBody(templateListBody, json, 'the saved templates (GET /api/templates)')
}
