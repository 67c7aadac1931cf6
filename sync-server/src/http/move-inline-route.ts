/**
 * POST /api/boards/:id/assets/move-inline: a facilitator moves the images the board holds inline (an
 * asset record whose `props.src` is a `data:` URL, as boards made before the asset store do) into the
 * asset store. Answers `MoveInlineBody` (@flowmap/shared http-move-inline-body.ts).
 *
 * 1. The board is read as its history holds it (the live doc is that history applied).
 * 2. Each data URL is decoded and stored as an upload is (assets/store-asset.ts: size limit, type
 *    sniffed from the bytes, fsynced before it is linked); one that is unreadable, too large or no type
 *    the store keeps is left inline and reported. The writes are async, so they come before 3.
 * 3. The records are rewritten to hold the asset path in one write into the live doc in the
 *    facilitator's name (`writeBoardAs`): judged as their edit, one history entry, seen at once by
 *    everyone connected. A record whose src changed since 1 is left for the next run.
 * Running it again finds no data URL and writes nothing. The history before 3 still holds the data
 * URLs: it is append-only; the entries after it no longer carry them.
 */
import {
  assetPath,
  type MoveInlineBody,
  patchRecord,
  readRecord,
  readRecords,
  rebuildDoc,
  replayEntry,
  type SkippedInlineImage,
  transactBoard,
} from '@flowmap/shared'
import { storeAsset } from '../assets/store-asset.ts'
import { SERVER_WRITE_ORIGIN } from '../boards/server-write.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import { problem } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'
import { unwrittenAnswer } from './server-write-answer.ts'

const DATA_URL_PREFIX = 'data:'

/** tldraw's record type, as the doc functions take it (sync-server does not depend on tlschema). */
type TLRecord = NonNullable<ReturnType<typeof readRecord>>

/** An inline image found in step 1: its record and data URL. */
interface InlineImage {
  assetId: string
  name: string
  src: string
}

/** Step 2's result for one record: the path that replaces its data URL, and the bytes behind it. */
interface StoredImage extends InlineImage {
  path: string
  size: number
}

async function moveInlineImages({
  context,
  user,
  board,
}: BoardRequest): Promise<RouteResult<MoveInlineBody>> {
  if (context.writeBoardAs === undefined) {
    return problem(503, 'no-live-boards', 'this server has no live boards to write into')
  }
  // 1.
  const inline = await inlineImagesOf(context.storage, board.id)
  // 2.
  const stored: StoredImage[] = []
  const skipped: SkippedInlineImage[] = []
  const now = Date.now()
  for (const image of inline) {
    const decoded = decodeDataUrl(image.src)
    if (!decoded.ok) {
      skipped.push({ assetId: image.assetId, reason: decoded.reason })
      continue
    }
    const result = await storeAsset({
      storage: context.storage,
      files: context.assetFiles,
      boardId: board.id,
      bytes: decoded.bytes,
      name: image.name,
      now,
    })
    if (result.ok) {
      stored.push({ ...image, path: assetPath(board.id, result.hash), size: result.size })
    } else if (result.error === 'storage-unavailable') {
      // Nothing is rewritten: the bytes stored so far are linked to nothing, and collected in time.
      return problem(result.status, result.error, result.message)
    } else skipped.push({ assetId: image.assetId, reason: result.message })
  }
  if (stored.length === 0) return { status: 200, body: { moved: 0, bytes: 0, skipped } }
  // 3.
  const moved: StoredImage[] = []
  const written = await context.writeBoardAs(board.id, user, 'the moved images', (doc) => {
    transactBoard(doc, SERVER_WRITE_ORIGIN, () => {
      for (const image of stored) {
        const record = readRecord(doc, image.assetId)
        if (record === undefined || srcOf(record) !== image.src) continue
        const props = (record as { props: Record<string, unknown> }).props
        const after = { ...record, props: { ...props, src: image.path } } as TLRecord
        patchRecord(doc, image.assetId, record, after, SERVER_WRITE_ORIGIN)
        moved.push(image)
      }
    })
  })
  if (!written.ok) return unwrittenAnswer(written, 'move-refused', 'the images were not moved')
  const bytes = moved.reduce((sum, image) => sum + image.size, 0)
  return { status: 200, body: { moved: moved.length, bytes, skipped } }
}

/** Step 1: the asset records holding a data URL, as the board's history holds them. */
async function inlineImagesOf(storage: AsyncBoardStorage, boardId: string): Promise<InlineImage[]> {
  const lastSeq = await storage.lastSeq(boardId)
  const checkpoint = await storage.checkpointAtOrBefore(boardId, lastSeq)
  const from = checkpoint?.seq ?? 0
  const tail =
    lastSeq > from ? await storage.readHistory(boardId, { afterSeq: from, limit: lastSeq - from }) : []
  const doc = rebuildDoc(checkpoint ?? null, tail.map(replayEntry))
  try {
    const inline: InlineImage[] = []
    for (const record of readRecords(doc)) {
      const src = srcOf(record)
      if (record.typeName !== 'asset' || src === null || !src.startsWith(DATA_URL_PREFIX)) continue
      const name = (record.props as { name?: unknown }).name
      inline.push({ assetId: record.id, name: typeof name === 'string' ? name : '', src })
    }
    return inline
  } finally {
    doc.destroy()
  }
}

function srcOf(record: TLRecord): string | null {
  const src = (record as { props?: { src?: unknown } }).props?.src
  return typeof src === 'string' ? src : null
}

/**
 * The bytes of a `data:[<type>][;base64],<data>` URL (RFC 2397): base64, or percent-encoded text (an
 * SVG pasted as text).
 */
export function decodeDataUrl(src: string): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  const comma = src.indexOf(',')
  if (!src.startsWith(DATA_URL_PREFIX) || comma === -1) {
    return { ok: false, reason: 'its data URL has no "," before its data: it cannot be read' }
  }
  const header = src.slice(DATA_URL_PREFIX.length, comma)
  const data = src.slice(comma + 1)
  if (/;base64$/i.test(header)) {
    const base64 = data.replace(/\s+/g, '')
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(base64)) {
      return { ok: false, reason: 'its data URL says base64 but holds other characters: it cannot be read' }
    }
    return { ok: true, bytes: new Uint8Array(Buffer.from(base64, 'base64')) }
  }
  try {
    return { ok: true, bytes: new Uint8Array(Buffer.from(decodeURIComponent(data), 'utf8')) }
  } catch {
    return { ok: false, reason: 'its data URL holds a broken percent-encoding: it cannot be read' }
  }
}

export const moveInlineRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/assets/move-inline',
  access: 'facilitate',
  refusal: 'only a facilitator can move pasted images to the asset store',
  answer: moveInlineImages,
}
