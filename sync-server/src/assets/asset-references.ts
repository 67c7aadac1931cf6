/**
 * Finding the assets a board refers to, without knowing which fields hold them: an asset record's
 * `props.src`, its resized variants in `meta`, a file attached to a shape, whatever comes next. Every
 * one is an asset path (`/api/boards/<board>/assets/<hash>`, @flowmap/shared http-asset-body.ts), so a
 * reference is `/assets/` followed by 64 hex digits, anywhere in any string.
 *
 * Two readings of it:
 * - `hashesInValue` walks a record (every string value, at any depth): for a rebuilt board.
 * - `hashesInBytes` searches a Yjs update's bytes as they are stored, without decoding them: Yjs
 *   writes a map's string value as its UTF-8 bytes in one piece (lib0 `writeVarString`), so a path the
 *   update sets is an ASCII run inside it. This may find a path the update only carried inside a longer
 *   text (a note quoting a path), which keeps an asset a little longer, never too short.
 *
 * Whose board a path names is not read: a record that refers to a hash keeps that hash on its own board
 * (the file is shared by every board that links it).
 */

const NEEDLE = Buffer.from('/assets/', 'latin1')
const HASH_LENGTH = 64
const REFERENCE_IN_TEXT = /\/assets\/([0-9a-f]{64})(?![0-9a-f])/g

/** Adds to `into` every hash a path inside `bytes` names; returns `into`. */
export function hashesInBytes(bytes: Uint8Array, into: Set<string> = new Set()): Set<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let at = buffer.indexOf(NEEDLE); at !== -1; at = buffer.indexOf(NEEDLE, at + 1)) {
    const start = at + NEEDLE.length
    const end = start + HASH_LENGTH
    if (end > buffer.length) break
    if (!isHexRun(buffer, start, end) || (end < buffer.length && isHexDigit(buffer[end]!))) continue
    into.add(buffer.toString('latin1', start, end))
  }
  return into
}

/** Adds to `into` every hash a path in any string of `value` (at any depth) names; returns `into`. */
export function hashesInValue(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.includes('/assets/')) {
      for (const match of value.matchAll(REFERENCE_IN_TEXT)) into.add(match[1]!)
    }
  } else if (Array.isArray(value)) {
    for (const item of value) hashesInValue(item, into)
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) hashesInValue(item, into)
  }
  return into
}

function isHexRun(buffer: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHexDigit(buffer[i]!)) return false
  return true
}

/** Lowercase hex only, as the store names its files. */
function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
}
