/**
 * POST /api/boards/:id/assets: an image or file for the board, its bytes as the body (`?name=` the file
 * name, shown only). Stored once by the SHA-256 the server computes (never one a client claims), its
 * type sniffed from the bytes (a `.png` holding HTML is refused), durable before the answer: the bytes
 * are fsynced into the asset files, then the database records the asset and links it to the board
 * (assets/store-asset.ts, which also keeps the upload safe beside the asset collector).
 * Answers `AssetUploadBody` (201; 200 when the board already had these bytes). Editors and facilitators.
 */
import { type AssetUploadBody, assetPath, MAX_ASSET_BYTES } from '@flowmap/shared'
import { storeAsset } from '../assets/store-asset.ts'
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
  const stored = await storeAsset({
    storage: context.storage,
    files: context.assetFiles,
    boardId: board.id,
    bytes: new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength),
    name: (query.get('name') ?? '').slice(0, MAX_NAME_CHARS),
    now: Date.now(),
  })
  if (!stored.ok) return problem(stored.status, stored.error, stored.message)
  const { hash, mimeType, size } = stored
  return {
    status: stored.created ? 201 : 200,
    body: { hash, src: assetPath(board.id, hash), mimeType, size },
  }
}

export const assetUploadRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/assets',
  access: 'edit',
  refusal: 'adding images and files to a board needs an editor or facilitator link',
  answer: uploadAsset,
}
