/**
 * POST /api/boards/:id/assets: an image or file for the board, its bytes as the body (`?name=` the file
 * name, shown only). Stored once by the SHA-256 the server computes (never one a client claims), its
 * type sniffed from the bytes (a `.png` holding HTML is refused), durable before the answer: the bytes
 * are fsynced into the asset files, then the database records the asset and links it to the board.
 * Answers `AssetUploadBody` (201; 200 when the board already had these bytes). Editors and facilitators.
 */
import { createHash } from 'node:crypto'
import {
  ASSET_TYPES_SENTENCE,
  type AssetUploadBody,
  assetPath,
  MAX_ASSET_BYTES,
  sniffAssetType,
} from '@flowmap/shared'
import { problem } from './json-response.ts'
import { readBodyBytes } from './request-body.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

const MB = 1024 * 1024
const MAX_NAME_CHARS = 200

async function uploadAsset({
  context,
  request,
  query,
  board,
}: BoardRequest): Promise<RouteResult<AssetUploadBody>> {
  const read = await readBodyBytes(request, MAX_ASSET_BYTES, (size) => ({
    status: 413,
    error: 'file-too-large',
    message: `the file is ${size}; files up to ${MAX_ASSET_BYTES / MB} MB (${MAX_ASSET_BYTES} bytes) are stored`,
  }))
  if (!read.ok) return read
  const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength)
  if (bytes.byteLength === 0) {
    return problem(400, 'no-file', "the request has no file: send the file's bytes as the request body")
  }
  const mimeType = sniffAssetType(bytes)
  if (mimeType === null) {
    return problem(
      415,
      'unsupported-type',
      `the file is not one the board stores (${whatItLooksLike(bytes)}): it takes ${ASSET_TYPES_SENTENCE}`,
    )
  }
  const hash = createHash('sha256').update(bytes).digest('hex')
  const name = (query.get('name') ?? '').slice(0, MAX_NAME_CHARS)
  const already = context.storage.linkedAsset(board.id, hash)
  if (already === undefined) {
    try {
      await context.assetFiles.write(hash, bytes)
    } catch (error) {
      const full = (error as NodeJS.ErrnoException).code === 'ENOSPC'
      return problem(
        full ? 507 : 503,
        'storage-unavailable',
        `the server could not store the file (${full ? 'its disk is full' : (error as Error).message}); nothing was stored, try again later`,
      )
    }
    // A StorageWriteError here is answered 503 by the request handler: the bytes stay unrecorded.
    const now = Date.now()
    context.storage.linkAsset(board.id, { hash, mimeType, size: bytes.byteLength, createdAt: now, name }, now)
  }
  return {
    status: already === undefined ? 201 : 200,
    body: { hash, src: assetPath(board.id, hash), mimeType, size: bytes.byteLength },
  }
}

/** "its bytes are text (HTML)", "its bytes are a ZIP archive": for the refusal. */
function whatItLooksLike(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .trimStart()
    .toLowerCase()
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /<(head|body|script)[\s>]/.test(head)
  ) {
    return 'its bytes are text (HTML)'
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'its bytes are a ZIP archive'
  const printable = [...bytes.subarray(0, 512)].every((byte) => byte >= 0x09 && byte !== 0x7f)
  return printable ? 'its bytes are text' : 'its bytes are no image or PDF'
}

export const assetUploadRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/assets',
  access: 'edit',
  refusal: 'adding images and files to a board needs an editor or facilitator link',
  answer: uploadAsset,
}
