/**
 * Mermaid's label text both ways. Mermaid has no backslash escapes: a character that would end or
 * confuse a label is written as an entity code, `#35;` (decimal) or `#quot;` (an HTML name), and a
 * line break as `<br>`. Labels are trimmed, as Mermaid draws them; so the export writes spaces at a
 * label's ends as codes too, and every label comes back exactly.
 */
import type { MermaidText } from './mermaid-ast.ts'
import type { RawText } from './mermaid-lexer.ts'

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  num: '#',
  semi: ';',
  colon: ':',
}

const ENTITY = /#(?:(\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g
const LINE_BREAK = /<br\s*\/?>/gi
const LARGEST_CODE_POINT = 0x10ffff

function decodeEntity(whole: string, decimal: string | undefined, name: string | undefined): string {
  if (decimal !== undefined) {
    const code = Number(decimal)
    return code <= LARGEST_CODE_POINT ? String.fromCodePoint(code) : whole
  }
  return NAMED_ENTITIES[name!] ?? whole
}

/** A label as it reads: trimmed, `<br>` as a line break, entity codes decoded (an unknown one is kept). */
export function decodeMermaidText(raw: RawText): MermaidText {
  const decoded = raw.raw.trim().replace(LINE_BREAK, '\n').replace(ENTITY, decodeEntity)
  return { text: decoded, markdown: raw.quoting === 'markdown' }
}

// Characters written as codes anywhere in a label: the string's own quote, `#` (it starts a code),
// `<` `>` (HTML to Mermaid), a backtick (it would start a markdown string), `|` (it ends a link's
// text) and `%` (`%%{` is a directive wherever it stands); control characters and line separators too.
const ENCODED_ANYWHERE = new Set(['#', '"', '<', '>', '`', '|', '%', '\u2028', '\u2029'])

function isControl(char: string): boolean {
  const point = char.codePointAt(0)!
  return (point < 0x20 && char !== '\t') || point === 0x7f
}

function code(char: string): string {
  return `#${char.codePointAt(0)};`
}

const isSpace = (char: string) => /\s/.test(char)

/**
 * A label as the inside of a Mermaid string (the caller adds the quotes). Mermaid refuses an empty
 * string (`A[""]`), so an empty label is one space, which reads back as empty.
 */
export function encodeMermaidText(label: string): string {
  if (label === '') return ' '
  const chars = Array.from(label)
  // Spaces at the ends are written as codes, since a label is trimmed where it is read.
  let first = 0
  while (first < chars.length && isSpace(chars[first]!)) first += 1
  let last = chars.length - 1
  while (last >= first && isSpace(chars[last]!)) last -= 1
  return chars
    .map((char, i) => {
      if (char === '\n') return '<br>'
      if (i < first || i > last || ENCODED_ANYWHERE.has(char) || isControl(char)) return code(char)
      return char
    })
    .join('')
}

/** A label as a quoted Mermaid string. */
export function quoteMermaidText(label: string): string {
  return `"${encodeMermaidText(label)}"`
}
