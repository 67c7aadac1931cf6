/**
 * The lexer of Mermaid's flowchart syntax. Mermaid's own grammar is lexed in modes (its jison lexer
 * switches state inside a label, a link's text, a string), because the same characters mean
 * different things there: `-` joins an id, starts a link or is a dash in a label. So is this one: the
 * parser (`mermaid-parser.ts`) asks for the token class it can accept at each point, and each class
 * is one sticky regex or a scan to a closing delimiter. A reader that fails consumes nothing, so the
 * parser can try the next alternative.
 */
import type { MermaidLinkEnd, MermaidStroke, SourcePosition } from './mermaid-ast.ts'

export type WordToken = { readonly kind: 'word'; readonly text: string; readonly at: SourcePosition }

/** A whole link (`-->`, `-.->`, `==>`, `<-->`, `~~~`) or the opening half of one with text (`--`, `==`, `-.`). */
export type LinkToken = {
  readonly kind: 'link'
  readonly stroke: MermaidStroke
  readonly tail: MermaidLinkEnd
  /** Null for an opening half: the text and the closing half follow. */
  readonly head: MermaidLinkEnd | null
  readonly length: number
  readonly source: string
  readonly at: SourcePosition
}

/** The end of a statement: a newline, a `;`, a comment, a directive, or the end of the text. */
export type BoundaryToken =
  | { readonly kind: 'separator'; readonly at: SourcePosition }
  | { readonly kind: 'end-of-text'; readonly at: SourcePosition }
  /** `%% …` to the end of the line; `flowmap` holds what follows `%% flowmap:`, else null. */
  | { readonly kind: 'comment'; readonly flowmap: string | null; readonly at: SourcePosition }
  /** `%%{ … }%%`: configuration for Mermaid's renderer. */
  | { readonly kind: 'directive'; readonly at: SourcePosition }

/** A label between delimiters, as written: the raw text (entities not yet decoded) and how it was quoted. */
export type RawText = { readonly raw: string; readonly quoting: 'none' | 'string' | 'markdown' }

export class MermaidSyntaxError extends Error {
  readonly at: SourcePosition
  constructor(at: SourcePosition, sentence: string) {
    super(`line ${at.line}, column ${at.column}: ${sentence}`)
    this.at = at
  }
}

const SPACES = /[ \t\r]*/y
// Letters and digits of any script, `_`; `-` and `.` join parts of an id ("order-2", "v1.2") but never
// start a link (`A-->B`, `A-.->B`), since a joiner must be followed by a letter or digit.
const WORD = /[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*/uy
const SOLID_LINK = /([<xo])?(-{2,})([->xo])/y
const THICK_LINK = /([<xo])?(={2,})([=>xo])/y
const DOTTED_LINK = /([<xo])?-?(\.+)-([>xo])?/y
const INVISIBLE_LINK = /~{3,}/y
const LINK_OPENING = /([<xo])?(--|==|-\.)/y
const SOLID_LINK_CLOSING = /(-{2,})([->xo])/g
const THICK_LINK_CLOSING = /(={2,})([=>xo])/g
const DOTTED_LINK_CLOSING = /(\.+)-([>xo])?/g
const DIRECTIVE = /%%\{[\s\S]*?\}%%/y
const FLOWMAP_COMMENT = /%%[ \t]*flowmap:[ \t]*([^\n]*)/y
const COMMENT = /%%[^\n]*/y

const LINK_ENDS: Readonly<Record<string, MermaidLinkEnd>> = {
  '>': 'arrow',
  '<': 'arrow',
  o: 'circle',
  x: 'cross',
  '-': 'none',
  '=': 'none',
}

function linkEnd(char: string | undefined): MermaidLinkEnd {
  return char === undefined ? 'none' : (LINK_ENDS[char] ?? 'none')
}

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

export type MermaidLexer = ReturnType<typeof createMermaidLexer>

export function createMermaidLexer(text: string) {
  const lineStarts = lineStartsOf(text)
  let offset = 0

  function positionAt(at: number): SourcePosition {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle]! <= at) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: at - lineStarts[low]! + 1 }
  }

  function match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = offset
    const found = pattern.exec(text)
    if (found) offset = pattern.lastIndex
    return found
  }

  function lineEnd(from: number): number {
    const newline = text.indexOf('\n', from)
    return newline === -1 ? text.length : newline
  }

  function skipSpaces(): void {
    match(SPACES)
  }

  /** Reads `expected` literally; false (nothing consumed) when the text does not continue with it. */
  function readLiteral(expected: string): boolean {
    if (!text.startsWith(expected, offset)) return false
    offset += expected.length
    return true
  }

  function readWord(): WordToken | null {
    const at = positionAt(offset)
    const found = match(WORD)
    return found ? { kind: 'word', text: found[0], at } : null
  }

  function readBoundary(): BoundaryToken | null {
    const at = positionAt(offset)
    if (offset >= text.length) return { kind: 'end-of-text', at }
    const char = text[offset]
    if (char === '\n' || char === ';') {
      offset += 1
      return { kind: 'separator', at }
    }
    if (char !== '%' || text[offset + 1] !== '%') return null
    if (match(DIRECTIVE)) return { kind: 'directive', at }
    const flowmap = match(FLOWMAP_COMMENT)
    if (flowmap) return { kind: 'comment', flowmap: flowmap[1]!.trim(), at }
    match(COMMENT)
    return { kind: 'comment', flowmap: null, at }
  }

  function linkToken(
    stroke: MermaidStroke,
    found: RegExpExecArray,
    at: SourcePosition,
    length: number,
    head: MermaidLinkEnd | null,
  ): LinkToken {
    return { kind: 'link', stroke, tail: linkEnd(found[1]), head, length, source: found[0], at }
  }

  /** A whole link, or the opening half of a link with text; null when the text holds no link here. */
  function readLink(): LinkToken | null {
    const at = positionAt(offset)
    const solid = match(SOLID_LINK)
    if (solid) return linkToken('solid', solid, at, solid[2]!.length - 1, linkEnd(solid[3]))
    const thick = match(THICK_LINK)
    if (thick) return linkToken('thick', thick, at, thick[2]!.length - 1, linkEnd(thick[3]))
    const dotted = match(DOTTED_LINK)
    if (dotted) return linkToken('dotted', dotted, at, dotted[2]!.length, linkEnd(dotted[3]))
    const invisible = match(INVISIBLE_LINK)
    if (invisible) {
      return {
        kind: 'link',
        stroke: 'invisible',
        tail: 'none',
        head: 'none',
        length: 1,
        source: invisible[0],
        at,
      }
    }
    const opening = match(LINK_OPENING)
    if (!opening) return null
    const stroke: MermaidStroke = opening[2] === '==' ? 'thick' : opening[2] === '-.' ? 'dotted' : 'solid'
    return linkToken(stroke, opening, at, 1, null)
  }

  /**
   * The text of a link opened by `opening` (`-- text -->`) and its closing half, which gives the
   * link its head and length. Null (nothing consumed) when the line holds no closing half.
   */
  function readLinkText(
    opening: LinkToken,
  ): { text: RawText; head: MermaidLinkEnd; length: number; closing: string } | null {
    const start = offset
    const closing =
      opening.stroke === 'thick'
        ? THICK_LINK_CLOSING
        : opening.stroke === 'dotted'
          ? DOTTED_LINK_CLOSING
          : SOLID_LINK_CLOSING
    skipSpaces()
    const quoted = readQuoted()
    const searchFrom = offset
    offset = start
    closing.lastIndex = searchFrom
    const found = closing.exec(text)
    const end = lineEnd(searchFrom)
    if (!found || found.index >= end) return null
    if (quoted !== null && text.slice(searchFrom, found.index).trim() !== '') return null
    offset = closing.lastIndex
    const label = quoted ?? { raw: text.slice(start, found.index).trim(), quoting: 'none' as const }
    const length = opening.stroke === 'dotted' ? found[1]!.length : found[1]!.length - 1
    return { text: label, head: linkEnd(found[2]), length, closing: found[0] }
  }

  /**
   * `"text"` or a markdown string `` "`text`" ``; null (nothing consumed) when no string starts here
   * or it does not close: a plain string on its own line, a markdown string anywhere (it may span lines).
   */
  function readQuoted(): RawText | null {
    if (text[offset] !== '"') return null
    if (text[offset + 1] === '`') {
      const close = text.indexOf('`"', offset + 2)
      if (close === -1) return null
      const raw = text.slice(offset + 2, close)
      offset = close + 2
      return { raw, quoting: 'markdown' }
    }
    const close = text.indexOf('"', offset + 1)
    if (close === -1 || close > lineEnd(offset)) return null
    const raw = text.slice(offset + 1, close)
    offset = close + 1
    return { raw, quoting: 'string' }
  }

  /**
   * A label up to one of `closers` (the shape's closing delimiters), and which closer ended it. A
   * quoted label must be followed by its closer; an unquoted one ends at the first closer on its line.
   * Null, with nothing consumed, when no closer follows.
   */
  function readDelimited(closers: readonly string[]): { text: RawText; closer: string } | null {
    const start = offset
    skipSpaces()
    const quoted = readQuoted()
    if (quoted !== null) {
      skipSpaces()
      const closer = closers.find((candidate) => text.startsWith(candidate, offset))
      if (closer !== undefined) {
        offset += closer.length
        return { text: quoted, closer }
      }
      offset = start
      return null
    }
    // Searched within the line only: a search to the end of a large file for each node would make
    // reading it quadratic.
    const line = text.slice(start, lineEnd(start))
    let best: { index: number; closer: string } | null = null
    for (const closer of closers) {
      const index = line.indexOf(closer)
      if (index !== -1 && (best === null || index < best.index)) best = { index, closer }
    }
    if (best === null) {
      offset = start
      return null
    }
    offset = start + best.index + best.closer.length
    return { text: { raw: line.slice(0, best.index).trim(), quoting: 'none' }, closer: best.closer }
  }

  /** What is left of the statement (a `classDef`'s styles, a `click`'s URL), strings kept whole. */
  function readRestOfStatement(): string {
    const start = offset
    while (offset < text.length && text[offset] !== '\n' && text[offset] !== ';') {
      if (text[offset] === '"' && readQuoted() !== null) continue
      if (text.startsWith('%%', offset)) break
      offset += 1
    }
    return text.slice(start, offset).trim()
  }

  /** What is left of the line, for `accTitle: …`. */
  function readRestOfLine(): string {
    const end = lineEnd(offset)
    const rest = text.slice(offset, end)
    offset = end
    return rest.trim()
  }

  /** Everything up to `closer` (consumed too), across lines, for `accDescr { … }`; null when it never closes. */
  function readUntil(closer: string): string | null {
    const close = text.indexOf(closer, offset)
    if (close === -1) return null
    const read = text.slice(offset, close)
    offset = close + closer.length
    return read
  }

  return {
    position: () => positionAt(offset),
    /** Where the lexer is, to come back to when an alternative does not fit. */
    mark: () => offset,
    reset: (mark: number) => {
      offset = mark
    },
    /** The next few characters, for an error message ("got '}'"). */
    upcoming: (count = 12) => text.slice(offset, Math.min(lineEnd(offset), offset + count)),
    skipSpaces,
    readLiteral,
    readWord,
    readBoundary,
    readLink,
    readLinkText,
    readQuoted,
    readDelimited,
    readRestOfStatement,
    readRestOfLine,
    readUntil,
  }
}
