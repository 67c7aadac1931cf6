/**
 * A recursive-descent parser of Mermaid flowcharts, into the tree of `mermaid-ast.ts`. Mermaid's own
 * parser is a jison grammar inside the `mermaid` package, which needs a DOM to run, so Flowmap reads
 * the syntax itself, as written in the wild (README files, docs), by this grammar (EBNF; `ws` is
 * spaces and tabs, allowed between any two symbols of a rule unless a rule says `(no ws)`):
 *
 *   flowchart     = [ front-matter ] { boundary } header { boundary } statements end-of-text ;
 *   front-matter  = "---" newline { yaml-line newline } "---" newline ;   (only `title:` is read)
 *   header        = ( "flowchart" | "graph" | "flowchart-elk" ) [ direction ] ;
 *   direction     = "TB" | "TD" | "BT" | "LR" | "RL" | ">" | "<" | "^" | "v" ;
 *   boundary      = newline | ";" | comment | directive ;
 *   comment       = "%%" { any-but-newline } ;       (`%% flowmap: …` is kept: docs/mermaid-dialect.md)
 *   directive     = "%%{" { any } "}%%" ;
 *   statements    = { statement boundary { boundary } } ;
 *   statement     = subgraph | direction-stmt | styling-stmt | acc-stmt | chain ;
 *   subgraph      = "subgraph" subgraph-head boundary statements "end" ;
 *   subgraph-head = string | id [ "[" label "]" ] | free-text ;
 *   direction-stmt= "direction" direction ;
 *   styling-stmt  = ( "classDef" | "class" | "style" | "linkStyle" | "click" ) rest-of-statement ;
 *   acc-stmt      = ( "accTitle" | "accDescr" ) ":" rest-of-line | "accDescr" "{" { any } "}" ;
 *   chain         = group { link group } ;
 *   group         = node { "&" node } ;
 *   node          = id (no ws) [ shape ] { ":::" id } ;
 *   shape         = "[" label "]" | "(" label ")" | "([" label "])" | "((" label "))"
 *                 | "(((" label ")))" | "{" label "}" | "{{" label "}}" | "[(" label ")]"
 *                 | "[[" label "]]" | ">" label "]" | "[/" label "/]" | "[\" label "\]"
 *                 | "[/" label "\]" | "[\" label "/]" ;
 *   link          = whole-link [ "|" label "|" ] | link-opening link-text link-closing ;
 *   whole-link    = [ "<" | "x" | "o" ] ( "--" { "-" } ( "-" | ">" | "x" | "o" )
 *                 | "==" { "=" } ( "=" | ">" | "x" | "o" ) | [ "-" ] "." { "." } "-" [ ">" | "x" | "o" ] )
 *                 | "~~~" { "~" } ;
 *   link-opening  = [ "<" | "x" | "o" ] ( "--" | "==" | "-." ) ;     (the closing half matches its stroke)
 *   label         = string | markdown-string | text ;   (text: up to the closing delimiter, on its line)
 *   string        = '"' { any-but-quote } '"' ;    markdown-string = '"`' { any } '`"' ;
 *   id            = word { ( "-" | "." ) word } ;   word = letter-or-digit-or-"_" { letter-or-digit-or-"_" } ;
 *
 * Where two shapes share an opening (`[(` is a cylinder, or a rectangle whose label starts with `(`),
 * the longest opening whose closing is on the line wins. A node's shape and label are those of its
 * last mention that has one, as in Mermaid. Elements (distinct nodes, links, subgraphs) and subgraph
 * nesting are bounded by the import limits, checked as the text is read, before anything is built.
 */
import { MAX_IMPORT_DEPTH, MAX_IMPORT_ELEMENTS } from '../../schema/limits.ts'
import type {
  MermaidChainStatement,
  MermaidDirection,
  MermaidFlowchart,
  MermaidLink,
  MermaidNodeRef,
  MermaidNodeShape,
  MermaidStatement,
  MermaidStylingKeyword,
  MermaidSubgraphStatement,
  MermaidText,
  SourcePosition,
} from './mermaid-ast.ts'
import { MERMAID_STYLING_KEYWORDS } from './mermaid-ast.ts'
import { createMermaidLexer, type MermaidLexer, MermaidSyntaxError, type WordToken } from './mermaid-lexer.ts'
import { decodeMermaidText } from './mermaid-text.ts'

export type MermaidParse = { ok: true; flowchart: MermaidFlowchart } | { ok: false; reason: string }

type ShapeOpening = {
  readonly opening: string
  readonly closings: readonly (readonly [string, MermaidNodeShape])[]
}

/** Longest opening first: `(((` before `((` before `(`. */
const SHAPE_OPENINGS: readonly ShapeOpening[] = [
  { opening: '(((', closings: [[')))', 'double-circle']] },
  { opening: '((', closings: [['))', 'circle']] },
  { opening: '([', closings: [['])', 'stadium']] },
  { opening: '[(', closings: [[')]', 'cylinder']] },
  { opening: '[[', closings: [[']]', 'subroutine']] },
  {
    opening: '[/',
    closings: [
      ['/]', 'parallelogram'],
      ['\\]', 'trapezoid'],
    ],
  },
  {
    opening: '[\\',
    closings: [
      ['\\]', 'parallelogram-alt'],
      ['/]', 'trapezoid-alt'],
    ],
  },
  { opening: '{{', closings: [['}}', 'hexagon']] },
  { opening: '(', closings: [[')', 'round']] },
  { opening: '[', closings: [[']', 'rect']] },
  { opening: '{', closings: [['}', 'diamond']] },
  { opening: '>', closings: [[']', 'asymmetric']] },
]

const DIRECTIONS: Readonly<Record<string, MermaidDirection>> = {
  TB: 'TB',
  TD: 'TD',
  BT: 'BT',
  LR: 'LR',
  RL: 'RL',
  v: 'TB',
  '>': 'LR',
  '<': 'RL',
  '^': 'BT',
}

const HEADER_KEYWORDS: Readonly<Record<string, 'flowchart' | 'graph'>> = {
  flowchart: 'flowchart',
  'flowchart-elk': 'flowchart',
  graph: 'graph',
}

/** Other Mermaid diagram types, named in the refusal so a person knows why their file is not read. */
const OTHER_DIAGRAMS = new Set([
  'sequenceDiagram',
  'classDiagram',
  'stateDiagram',
  'stateDiagram-v2',
  'erDiagram',
  'journey',
  'gantt',
  'pie',
  'mindmap',
  'timeline',
  'gitGraph',
  'quadrantChart',
  'requirementDiagram',
  'C4Context',
  'sankey-beta',
  'xychart-beta',
  'block-beta',
  'architecture-beta',
  'kanban',
])

const stylingKeywords: ReadonlySet<string> = new Set(MERMAID_STYLING_KEYWORDS)

/** Words that start a statement of their own, so they cannot name a node. */
const RESERVED_WORDS = new Set(['end', 'subgraph', ...MERMAID_STYLING_KEYWORDS])

function quoteForMessage(text: string): string {
  return text === '' ? 'the end of the line' : `'${text}'`
}

class FlowchartParser {
  private readonly lexer: MermaidLexer
  private readonly nodeIds = new Set<string>()
  private links = 0
  private subgraphs = 0
  private directives = 0

  constructor(text: string) {
    this.lexer = createMermaidLexer(text)
  }

  parse(): MermaidFlowchart {
    const lexer = this.lexer
    const { title, word, keyword, otherDiagram, at } = this.header()
    if (otherDiagram !== null) {
      throw new MermaidSyntaxError(
        at,
        `this is a Mermaid ${otherDiagram}, not a flowchart; only flowcharts can be imported`,
      )
    }
    if (word === null || keyword === null) {
      const got = word?.text ?? lexer.upcoming()
      throw new MermaidSyntaxError(
        at,
        `expected 'flowchart' or 'graph' to start a Mermaid flowchart, got ${quoteForMessage(got)}`,
      )
    }
    lexer.skipSpaces()
    const direction = this.readDirection() ?? 'TB'
    this.expectBoundary(`after '${word.text}${direction === 'TB' ? '' : ` ${direction}`}'`)
    const statements = this.statements(null, 0)
    return { keyword, direction, title, directives: this.directives, statements }
  }

  /** Front matter, blank lines, comments and directives, then the word that names the diagram type. */
  private header() {
    const lexer = this.lexer
    lexer.readLiteral('\uFEFF')
    const title = this.frontMatterTitle()
    this.skipBoundaries()
    const at = lexer.position()
    const word = lexer.readWord()
    const keyword = word === null ? null : (HEADER_KEYWORDS[word.text] ?? null)
    const otherDiagram = word !== null && OTHER_DIAGRAMS.has(word.text) ? word.text : null
    return { title, word, keyword, otherDiagram, at }
  }

  /** Whether the text starts as a Mermaid diagram does (of any type), whatever follows. */
  startsAsMermaid(): boolean {
    try {
      const { keyword, otherDiagram } = this.header()
      return keyword !== null || otherDiagram !== null
    } catch (error) {
      // Unclosed front matter: not recognisably Mermaid.
      if (error instanceof MermaidSyntaxError) return false
      throw error
    }
  }

  /** YAML front matter (`---` … `---`) before the header: Mermaid reads the chart's title there. */
  private frontMatterTitle(): string | null {
    const lexer = this.lexer
    const start = lexer.mark()
    const openedAt = lexer.position()
    if (!lexer.readLiteral('---') || lexer.readRestOfLine() !== '') {
      lexer.reset(start)
      return null
    }
    let title: string | null = null
    for (;;) {
      const boundary = lexer.readBoundary()
      if (boundary?.kind === 'end-of-text') {
        throw new MermaidSyntaxError(
          openedAt,
          "the front matter opened by '---' is not closed by a line '---'",
        )
      }
      const line = lexer.readRestOfLine()
      if (line === '---') return title
      if (line.startsWith('title:')) title = yamlScalar(line.slice('title:'.length).trim())
    }
  }

  private readDirection(): MermaidDirection | null {
    const lexer = this.lexer
    for (const symbol of ['>', '<', '^']) {
      if (lexer.readLiteral(symbol)) return DIRECTIONS[symbol]!
    }
    const start = lexer.mark()
    const word = lexer.readWord()
    if (word !== null && Object.hasOwn(DIRECTIONS, word.text)) return DIRECTIONS[word.text]!
    lexer.reset(start)
    return null
  }

  private skipBoundaries(): void {
    for (;;) {
      this.lexer.skipSpaces()
      const start = this.lexer.mark()
      const boundary = this.lexer.readBoundary()
      if (boundary === null || boundary.kind === 'end-of-text') {
        this.lexer.reset(start)
        return
      }
      if (boundary.kind === 'directive') this.directives += 1
    }
  }

  /** A statement must end here: a newline, `;`, a comment or the end of the text (left for the loop). */
  private expectBoundary(context: string): void {
    const lexer = this.lexer
    lexer.skipSpaces()
    const start = lexer.mark()
    const at = lexer.position()
    const boundary = lexer.readBoundary()
    lexer.reset(start)
    if (boundary === null) {
      throw new MermaidSyntaxError(
        at,
        `expected the end of the statement ${context}, got ${quoteForMessage(lexer.upcoming())}`,
      )
    }
  }

  /**
   * Statements up to the `end` of `subgraph` (or the end of the text at the top level). `depth` is
   * the subgraph nesting, which the parser's recursion follows, so the limit bounds the stack too.
   */
  private statements(subgraph: { id: string; at: SourcePosition } | null, depth: number): MermaidStatement[] {
    const lexer = this.lexer
    const statements: MermaidStatement[] = []
    for (;;) {
      lexer.skipSpaces()
      const boundary = lexer.readBoundary()
      if (boundary !== null) {
        if (boundary.kind === 'end-of-text') {
          if (subgraph === null) return statements
          throw new MermaidSyntaxError(
            subgraph.at,
            `subgraph '${subgraph.id}' is not closed: add a line 'end' after its last statement`,
          )
        }
        if (boundary.kind === 'directive') this.directives += 1
        if (boundary.kind === 'comment' && boundary.flowmap !== null) {
          statements.push({ type: 'flowmap-comment', text: boundary.flowmap, at: boundary.at })
        }
        continue
      }
      const at = lexer.position()
      const word = lexer.readWord()
      if (word === null) {
        throw new MermaidSyntaxError(
          at,
          `expected a node id or a statement, got ${quoteForMessage(lexer.upcoming())}`,
        )
      }
      if (word.text === 'end') {
        if (subgraph === null) throw new MermaidSyntaxError(at, "'end' closes no subgraph")
        this.expectBoundary("after 'end'")
        return statements
      }
      statements.push(this.statement(word, depth))
      this.countElements(at)
    }
  }

  private statement(word: WordToken, depth: number): MermaidStatement {
    const lexer = this.lexer
    if (word.text === 'subgraph') return this.subgraph(word.at, depth)
    if (word.text === 'direction') {
      lexer.skipSpaces()
      const direction = this.readDirection()
      if (direction === null) {
        throw new MermaidSyntaxError(lexer.position(), "expected TB, TD, BT, LR or RL after 'direction'")
      }
      this.expectBoundary('after the direction')
      return { type: 'direction', direction, at: word.at }
    }
    if (stylingKeywords.has(word.text)) {
      lexer.readRestOfStatement()
      return { type: 'styling', keyword: word.text as MermaidStylingKeyword, at: word.at }
    }
    if (word.text === 'accTitle' || word.text === 'accDescr') {
      const accessibility = this.accessibility(word)
      if (accessibility !== null) return accessibility
    }
    const chain = this.chain(word)
    this.expectBoundary(`after node '${chain.groups.at(-1)!.at(-1)!.id}'`)
    return chain
  }

  private accessibility(word: WordToken): MermaidStatement | null {
    const lexer = this.lexer
    const start = lexer.mark()
    lexer.skipSpaces()
    const keyword = word.text as 'accTitle' | 'accDescr'
    if (lexer.readLiteral(':'))
      return { type: 'accessibility', keyword, text: lexer.readRestOfLine(), at: word.at }
    if (keyword === 'accDescr' && lexer.readLiteral('{')) {
      const text = lexer.readUntil('}')
      if (text === null)
        throw new MermaidSyntaxError(word.at, "the description opened by 'accDescr {' is not closed by '}'")
      return { type: 'accessibility', keyword, text: text.trim(), at: word.at }
    }
    lexer.reset(start)
    return null
  }

  private subgraph(at: SourcePosition, depth: number): MermaidSubgraphStatement {
    const lexer = this.lexer
    if (depth + 1 > MAX_IMPORT_DEPTH) {
      throw new MermaidSyntaxError(at, `subgraphs nest more than ${MAX_IMPORT_DEPTH} deep, the import limit`)
    }
    lexer.skipSpaces()
    let id: string | null = null
    let title: MermaidText | null = null
    const quoted = lexer.readQuoted()
    if (quoted !== null) {
      title = decodeMermaidText(quoted)
    } else {
      const headStart = lexer.mark()
      const word = lexer.readWord()
      if (word === null) {
        throw new MermaidSyntaxError(lexer.position(), "expected a subgraph id or title after 'subgraph'")
      }
      lexer.skipSpaces()
      if (lexer.readLiteral('[')) {
        const bracketAt = lexer.position()
        const label = lexer.readDelimited([']'])
        if (label === null) {
          throw new MermaidSyntaxError(
            bracketAt,
            `the title of subgraph '${word.text}' is not closed with ']'`,
          )
        }
        id = word.text
        title = decodeMermaidText(label.text)
      } else if (this.atBoundary()) {
        id = word.text
      } else {
        // `subgraph Order handling`: a title with spaces, and no id of its own (Mermaid makes one).
        lexer.reset(headStart)
        title = decodeMermaidText({ raw: lexer.readRestOfStatement(), quoting: 'none' })
      }
    }
    this.expectBoundary('after the subgraph title')
    this.subgraphs += 1
    const name = id ?? title?.text ?? ''
    const body = this.statements({ id: name, at }, depth + 1)
    return { type: 'subgraph', id, title, body, at }
  }

  private atBoundary(): boolean {
    const start = this.lexer.mark()
    const boundary = this.lexer.readBoundary()
    this.lexer.reset(start)
    return boundary !== null
  }

  private chain(first: WordToken): MermaidChainStatement {
    const lexer = this.lexer
    const groups: MermaidNodeRef[][] = [this.group(first)]
    const links: MermaidLink[] = []
    for (;;) {
      lexer.skipSpaces()
      const link = this.link()
      if (link === null) break
      lexer.skipSpaces()
      const next = lexer.readWord()
      if (next === null) {
        throw new MermaidSyntaxError(
          lexer.position(),
          `expected a node id after '${link.source}', got ${quoteForMessage(lexer.upcoming())}`,
        )
      }
      const group = this.group(next)
      this.links += groups.at(-1)!.length * group.length
      groups.push(group)
      links.push(link.link)
    }
    return { type: 'chain', groups, links, at: first.at }
  }

  private link(): { link: MermaidLink; source: string } | null {
    const lexer = this.lexer
    const token = lexer.readLink()
    if (token === null) return null
    if (token.head === null) {
      const text = lexer.readLinkText(token)
      if (text === null) {
        const closing =
          token.stroke === 'thick'
            ? "'==>' or '==='"
            : token.stroke === 'dotted'
              ? "'.->' or '.-'"
              : "'-->' or '---'"
        throw new MermaidSyntaxError(
          token.at,
          `the link text after '${token.source}' is not closed with ${closing}`,
        )
      }
      const link: MermaidLink = {
        stroke: token.stroke,
        head: text.head,
        tail: token.tail,
        length: text.length,
        label: decodeMermaidText(text.text),
        at: token.at,
      }
      return { link, source: `${token.source} … ${text.closing}` }
    }
    lexer.skipSpaces()
    let label: MermaidText | null = null
    const pipeAt = lexer.position()
    if (lexer.readLiteral('|')) {
      const text = lexer.readDelimited(['|'])
      if (text === null)
        throw new MermaidSyntaxError(pipeAt, "the link text opened by '|' is not closed with '|'")
      label = decodeMermaidText(text.text)
    }
    const link: MermaidLink = {
      stroke: token.stroke,
      head: token.head,
      tail: token.tail,
      length: token.length,
      label,
      at: token.at,
    }
    return { link, source: token.source }
  }

  private group(first: WordToken): MermaidNodeRef[] {
    const lexer = this.lexer
    const nodes = [this.node(first)]
    for (;;) {
      const start = lexer.mark()
      lexer.skipSpaces()
      if (!lexer.readLiteral('&')) {
        lexer.reset(start)
        return nodes
      }
      lexer.skipSpaces()
      const next = lexer.readWord()
      if (next === null) {
        throw new MermaidSyntaxError(
          lexer.position(),
          `expected a node id after '&', got ${quoteForMessage(lexer.upcoming())}`,
        )
      }
      nodes.push(this.node(next))
    }
  }

  private node(word: WordToken): MermaidNodeRef {
    const lexer = this.lexer
    if (RESERVED_WORDS.has(word.text)) {
      throw new MermaidSyntaxError(
        word.at,
        `'${word.text}' is a Mermaid keyword and cannot name a node here; write it capitalised or quoted as a label, e.g. ${word.text}_1["${word.text}"]`,
      )
    }
    if (lexer.readLiteral('@{')) {
      throw new MermaidSyntaxError(
        word.at,
        `the '@{ shape: … }' node syntax is not supported; write node '${word.text}' with a classic shape, e.g. ${word.text}[label]`,
      )
    }
    const shape = this.shape(word)
    const classes: string[] = []
    while (lexer.readLiteral(':::')) {
      const name = lexer.readWord()
      if (name === null) throw new MermaidSyntaxError(lexer.position(), "expected a class name after ':::'")
      classes.push(name.text)
    }
    this.nodeIds.add(word.text)
    return { id: word.text, shape: shape?.shape ?? null, label: shape?.label ?? null, classes, at: word.at }
  }

  private shape(word: WordToken): { shape: MermaidNodeShape; label: MermaidText } | null {
    const lexer = this.lexer
    const start = lexer.mark()
    let unclosed: { opening: ShapeOpening; at: SourcePosition } | null = null
    for (const candidate of SHAPE_OPENINGS) {
      const at = lexer.position()
      if (!lexer.readLiteral(candidate.opening)) continue
      const closings = candidate.closings.map(([closing]) => closing)
      const read = lexer.readDelimited(closings)
      if (read !== null) {
        const shape = candidate.closings.find(([closing]) => closing === read.closer)![1]
        return { shape, label: decodeMermaidText(read.text) }
      }
      unclosed = { opening: candidate, at }
      lexer.reset(start)
    }
    if (unclosed !== null) {
      const closing = unclosed.opening.closings.map(([text]) => `'${text}'`).join(' or ')
      throw new MermaidSyntaxError(
        unclosed.at,
        `the label of node '${word.text}' opened by '${unclosed.opening.opening}' is not closed with ${closing} on its line`,
      )
    }
    return null
  }

  private countElements(at: SourcePosition): void {
    if (this.nodeIds.size + this.links + this.subgraphs > MAX_IMPORT_ELEMENTS) {
      throw new MermaidSyntaxError(
        at,
        `the flowchart has more than ${MAX_IMPORT_ELEMENTS.toLocaleString('en')} elements (nodes, links and subgraphs), the import limit`,
      )
    }
  }
}

/** A YAML scalar as front matter writes a title: plain, 'single-quoted' or "double-quoted". */
function yamlScalar(value: string): string {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (typeof parsed === 'string') return parsed
    } catch {
      // YAML allows escapes JSON does not; the text between the quotes is close enough for a title.
    }
    return value.slice(1, -1)
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2)
    return value.slice(1, -1).replaceAll("''", "'")
  return value
}

/**
 * Whether `text` starts as a Mermaid diagram (front matter, comments and directives allowed before
 * its header): a flowchart, or another type, which the import then refuses by name.
 */
export function startsAsMermaid(text: string): boolean {
  return new FlowchartParser(text).startsAsMermaid()
}

/**
 * The flowchart `text` holds, or the first thing wrong with it as a sentence with its line and
 * column ("line 3, column 12: expected a node id after '-->'").
 */
export function parseMermaidFlowchart(text: string): MermaidParse {
  try {
    return { ok: true, flowchart: new FlowchartParser(text).parse() }
  } catch (error) {
    // The parser throws its syntax errors to unwind its recursion at once; they end here, as values.
    if (error instanceof MermaidSyntaxError) return { ok: false, reason: error.message }
    throw error
  }
}
