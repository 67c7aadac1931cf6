/**
 * GET /api/boards/:id/versions (the board's named versions) and POST /api/boards/:id/versions (201, the
 * version just named): a facilitator's name for a moment of the history.
 */
import { T } from '@tldraw/validate'
import { type BodyRead, readBody } from './http-body-read.ts'

const namedVersionJson = T.object({
  /** The history seq the name points at: the board as it was after that entry. */
  seq: T.positiveInteger,
  name: T.string,
  /** ISO 8601, when it was named */
  time: T.string,
  userId: T.string,
  userName: T.string,
}).allowUnknownProperties()

export type NamedVersionJson = T.TypeOf<typeof namedVersionJson>

const versionListBody = T.object({
  boardId: T.string,
  versions: T.arrayOf(namedVersionJson),
}).allowUnknownProperties()

export type VersionListBody = T.TypeOf<typeof versionListBody>

export function readVersionListBody(json: unknown): BodyRead<VersionListBody> {
  return readBody(versionListBody, json, 'the named versions (GET /api/boards/:id/versions)')
}

export function readNamedVersionBody(json: unknown): BodyRead<NamedVersionJson> {
  return readBody(namedVersionJson, json, 'the named version (POST /api/boards/:id/versions)')
}
