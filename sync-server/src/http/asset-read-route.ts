/**
 * GET /api/boards/:id/assets/:hash: a stored image or file, for anyone who may read the board, and only
 * through a board it was uploaded to (another board's asset is a 404, as a missing one: the hash of a
 * file says nothing about who may see it). Content-addressed, so it never changes: cached for good,
 * its ETag is its hash. The type is the sniffed one and `nosniff` holds the browser to it; an SVG
 * (which can carry script) is served sandboxed.
 */
import { isAssetHash } from '@flowmap/shared'
import { problem } from './json-response.ts'
import type { BoardRequest, BytesAnswer, Route, RouteResult } from './route.ts'

async function readAsset({
  context,
  request,
  params,
  board,
}: BoardRequest): Promise<BytesAnswer | RouteResult> {
  const hash = params.hash ?? ''
  const missing = () => problem(404, 'no-asset', `board ${board.id} has no asset ${hash.slice(0, 64)}`)
  if (!isAssetHash(hash)) return missing()
  const asset = await context.storage.linkedAsset(board.id, hash)
  if (asset === undefined) return missing()
  const headers: Record<string, string> = {
    'Content-Type': asset.mimeType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${hash}"`,
  }
  if (asset.mimeType === 'image/svg+xml') {
    headers['Content-Security-Policy'] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
  }
  if (asset.mimeType === 'application/pdf') headers['Content-Disposition'] = 'inline'
  if (request.headers['if-none-match'] === `"${hash}"`)
    return { status: 304, bytes: new Uint8Array(), headers }
  const bytes = await context.assetFiles.read(hash)
  if (bytes === null) return missing()
  return { status: 200, bytes, headers }
}

export const assetReadRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/assets/:hash',
  access: 'read',
  answer: readAsset,
}
