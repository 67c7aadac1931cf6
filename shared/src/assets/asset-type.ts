/**
 * What a stored file is, told from its bytes, never from its name or the Content-Type a client sent:
 * a `.png` that holds HTML is not an image. Both ends use it: the client before it uploads (so a refusal
 * comes before the wait), the server as the word that counts.
 *
 * Each type is recognised by its signature (the "magic number" at its start); SVG, which is text, by a
 * root `<svg` element after an optional XML declaration, comments and doctype.
 */

/** The types the asset store keeps; tldraw shows the images, the others are attachments. */
export const ASSET_TYPES = {
  'image/png': { kind: 'image', extension: 'png' },
  'image/jpeg': { kind: 'image', extension: 'jpg' },
  'image/gif': { kind: 'image', extension: 'gif' },
  'image/webp': { kind: 'image', extension: 'webp' },
  'image/svg+xml': { kind: 'image', extension: 'svg' },
  'application/pdf': { kind: 'file', extension: 'pdf' },
} as const satisfies Record<string, { kind: 'image' | 'file'; extension: string }>

export type AssetMimeType = keyof typeof ASSET_TYPES

/** "PNG, JPEG, GIF, WebP, SVG or PDF": the accepted types, for a refusal. */
export const ASSET_TYPES_SENTENCE = 'PNG, JPEG, GIF, WebP or SVG images, or PDF files'

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false
  return signature.every((byte, index) => bytes[offset + index] === byte)
}

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))

/** The type the bytes are, or null when they are none the store keeps. */
export function sniffAssetType(bytes: Uint8Array): AssetMimeType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  if (looksLikeSvg(bytes)) return 'image/svg+xml'
  return null
}

/** An SVG's root element within its first 4 KiB, with nothing but prolog before it. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096))
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const prolog = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i
  const rest = text.replace(prolog, '')
  return /^<svg[\s>/]/i.test(rest)
}
