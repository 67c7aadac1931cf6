/**
 * A download's Content-Disposition (RFC 6266): an ASCII `filename` every client reads, and the real
 * name as UTF-8 in `filename*` (RFC 8187) for those that read it, so a board called "Prüfung / Q3"
 * downloads as `Prüfung _ Q3.mmd` where it can and `Pr_fung _ Q3.mmd` elsewhere.
 */

/** A file name made from a board title: no path separators or control characters, not empty, not huge. */
export function downloadName(title: string, fallback: string, suffix: string): string {
  const cleaned = Array.from(title.replace(/[/\\:*?"<>|]/g, '_'))
    .filter((char) => char.codePointAt(0)! >= 0x20 && char !== '\u007f')
    .join('')
    .trim()
    .slice(0, 120)
  return `${cleaned === '' ? fallback : cleaned}${suffix}`
}

function rfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc8187(filename)}`
}
