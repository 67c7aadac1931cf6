/**
 * The `Content-Disposition` of a file the server hands out for download, named after the board: a plain
 * ASCII `filename` every client understands (characters a file name or the header cannot hold become
 * `_`), and RFC 6266's `filename*` with the title as typed (UTF-8, percent-encoded) for clients that
 * read it, which is every current browser.
 */
const UNSAFE_IN_ASCII_NAME = /[^A-Za-z0-9 ._()-]/g
const MAX_NAME_CHARS = 120

export function attachmentDisposition(title: string, extension: string): string {
  const base = title.trim() === '' ? 'board' : title.trim().slice(0, MAX_NAME_CHARS)
  const ascii = base.replace(UNSAFE_IN_ASCII_NAME, '_')
  // encodeURIComponent leaves ' ( ) * ! unencoded; RFC 5987's attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(`${base}.${extension}`).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`
}
