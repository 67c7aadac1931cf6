/**
 * Storing bytes as one board's asset: the one path every way in takes (an upload, moving a board's
 * inline images into the store). The type is sniffed from the bytes (@flowmap/shared asset-type.ts),
 * the hash computed here, and the bytes are fsynced into the asset files before the database links them
 * to the board (asset-files.ts).
 *
 * Safe beside the asset collector (asset-collector.ts), which may remove an asset's last link and then
 * its file while this runs:
 * 1. the file is written (or found there already);
 * 2. the link is written, or refreshed to now if the board had it: the collector never removes a link
 *    made within its window, so from here on the file stays;
 * 3. the file is written again if it is gone: the collector may have removed it between 1 and 2 (it
 *    asks the database before and after moving the file aside, so either it saw the link of 2 and put
 *    the file back, or it had moved the file away before 2 and this step writes it again).
 */
import { createHash } from 'node:crypto'
import { ASSET_TYPES_SENTENCE, type AssetMimeType, MAX_ASSET_BYTES, sniffAssetType } from '@flowmap/shared'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { AssetFiles } from './asset-files.ts'

const MB = 1024 * 1024

export type StoreAssetResult =
  | { ok: true; hash: string; mimeType: AssetMimeType; size: number; created: boolean }
  | { ok: false; status: number; error: string; message: string }

export interface StoreAssetRequest {
  storage: Pick<AsyncBoardStorage, 'linkedAsset' | 'linkAsset'>
  files: AssetFiles
  boardId: string
  bytes: Uint8Array
  /** The file's name, shown only ('' when it has none). */
  name: string
  now: number
}

export async function storeAsset(request: StoreAssetRequest): Promise<StoreAssetResult> {
  const { storage, files, boardId, bytes } = request
  if (bytes.byteLength === 0) {
    return refuse(400, 'no-file', "the request has no file: send the file's bytes as the request body")
  }
  if (bytes.byteLength > MAX_ASSET_BYTES) {
    return refuse(
      413,
      'file-too-large',
      `the file is ${bytes.byteLength} bytes; files up to ${MAX_ASSET_BYTES / MB} MB (${MAX_ASSET_BYTES} bytes) are stored`,
    )
  }
  const mimeType = sniffAssetType(bytes)
  if (mimeType === null) {
    return refuse(
      415,
      'unsupported-type',
      `the file is not one the board stores (${whatItLooksLike(bytes)}): it takes ${ASSET_TYPES_SENTENCE}`,
    )
  }
  const hash = createHash('sha256').update(bytes).digest('hex')
  const created = (await storage.linkedAsset(boardId, hash)) === undefined
  try {
    await files.write(hash, bytes)
    // A StorageWriteError here is answered 503 by the request handler: the bytes stay unrecorded.
    await storage.linkAsset(
      boardId,
      { hash, mimeType, size: bytes.byteLength, createdAt: request.now, name: request.name },
      request.now,
    )
    await files.write(hash, bytes)
  } catch (error) {
    if (!isFileError(error)) throw error
    const full = error.code === 'ENOSPC'
    return refuse(
      full ? 507 : 503,
      'storage-unavailable',
      `the server could not store the file (${full ? 'its disk is full' : error.message}); nothing was stored, try again later`,
    )
  }
  return { ok: true, hash, mimeType, size: bytes.byteLength, created }
}

function refuse(status: number, error: string, message: string): StoreAssetResult {
  return { ok: false, status, error, message }
}

/** A file system failure (it has an errno code); a database failure is thrown on. */
function isFileError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error
  )
}

/** "its bytes are text (HTML)", "its bytes are a ZIP archive": for the refusal. */
export function whatItLooksLike(bytes: Uint8Array): string {
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
