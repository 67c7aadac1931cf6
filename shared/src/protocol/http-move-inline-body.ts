/**
 * POST /api/boards/:id/assets/move-inline: a facilitator moves the images a board holds inline (a
 * `data:` URL in an asset record's `props.src`, as boards made before the asset store do) into the
 * asset store. Each is decoded, its type sniffed, stored and linked as an upload is, and the records
 * are rewritten to hold the asset path in one edit of the facilitator's. A data URL whose bytes are no
 * type the store keeps (or too large, or unreadable) is left as it is and named in `skipped`. Running
 * it again moves nothing. History is append-only: its earlier entries still hold the data URLs.
 */
import { T } from '@tldraw/validate'
import { type BodyRead, readBody } from './http-body-read.ts'

const skippedInlineImage = T.object({
  /** The asset record left inline. */
  assetId: T.string,
  /** Why, for a person: "its bytes are text (HTML): the store takes PNG, …". */
  reason: T.string,
}).allowUnknownProperties()

const moveInlineBody = T.object({
  /** Asset records now holding an asset path instead of a data URL. */
  moved: T.positiveInteger,
  /** The bytes of the images moved (each record counted once). */
  bytes: T.positiveInteger,
  skipped: T.arrayOf(skippedInlineImage),
}).allowUnknownProperties()

export type MoveInlineBody = T.TypeOf<typeof moveInlineBody>
export type SkippedInlineImage = T.TypeOf<typeof skippedInlineImage>

export function readMoveInlineBody(json: unknown): BodyRead<MoveInlineBody> {
  return readBody(moveInlineBody, json, 'the moved images (POST /api/boards/:id/assets/move-inline)')
}

const KIB = 1024
const MIB = 1024 * 1024

/** "812 bytes", "37 KB", "4.2 MB". */
export function byteSizeSentence(bytes: number): string {
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MB`
  if (bytes >= KIB) return `${Math.round(bytes / KIB)} KB`
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
}

/** "Moved 3 images (4.2 MB) to the asset store", "No inline images on this board", and what was left. */
export function moveInlineSentence(body: MoveInlineBody): string {
  const images = (count: number) => `${count} ${count === 1 ? 'image' : 'images'}`
  const skipped = body.skipped.length
  if (body.moved === 0 && skipped === 0) return 'No inline images on this board'
  const moved =
    body.moved === 0
      ? 'No image was moved to the asset store'
      : `Moved ${images(body.moved)} (${byteSizeSentence(body.bytes)}) to the asset store`
  if (skipped === 0) return moved
  const why = body.skipped.map(({ assetId, reason }) => `${assetId}: ${reason}`).join('; ')
  return `${moved}; ${images(skipped)} left inline (${why})`
}
