/**
 * Whether the board stores a file, told before anything of it is added, in a sentence a person can act
 * on: too large (naming the limit) or not a type the store keeps (told from its bytes, so a `.png` that
 * is really HTML is refused whatever its name says). The server checks the same again.
 */
import { ASSET_TYPES_SENTENCE, type AssetMimeType, MAX_ASSET_BYTES, sniffAssetType } from '@flowmap/shared'

const MB = 1024 * 1024

export type FileCheck = { ok: true; mimeType: AssetMimeType } | { ok: false; problem: string }

/** Checks a file of `size` bytes by its first bytes (`head`: 4 KiB is enough to tell every type). */
export function checkFileToStore(name: string, size: number, head: Uint8Array): FileCheck {
  const shownName = name || 'The file'
  if (size > MAX_ASSET_BYTES) {
    return {
      ok: false,
      problem: `${shownName} is ${(size / MB).toFixed(1)} MB; the board stores files up to ${MAX_ASSET_BYTES / MB} MB.`,
    }
  }
  const mimeType = sniffAssetType(head)
  if (mimeType === null) {
    return {
      ok: false,
      problem: `${shownName} is not a file the board stores (${ASSET_TYPES_SENTENCE}); its content was checked, not its name.`,
    }
  }
  return { ok: true, mimeType }
}

/** The first bytes of a file, enough for `checkFileToStore` to tell its type. */
export async function headOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 4096).arrayBuffer())
}

/** The sentence for a refusal by the server when the file was sent ("You may not …", "Disk full"). */
export function serverRefusalSentence(name: string, status: number, message: string | null): string {
  const reason =
    message ??
    (status === 401 || status === 403
      ? 'you may not add files to this board'
      : `the server answered ${status}`)
  return `${name || 'The file'} was not stored: ${reason}`
}
