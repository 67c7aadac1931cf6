/**
 * The syntax tree of a Mermaid flowchart as `mermaid-parser.ts` reads it: what the text says, before
 * any Flowmap meaning is given to it (that is `import-mermaid.ts`'s job). Positions are 1-based, as an
 * editor shows them, so an error or a report can point a person at the line.
 */

export type SourcePosition = { readonly line: number; readonly column: number }

/** The node shapes of Mermaid's flowchart syntax, named as Mermaid's documentation names them. */
export const MERMAID_NODE_SHAPES = [
  'rect',
  'round',
  'stadium',
  'subroutine',
  'cylinder',
  'circle',
  'double-circle',
  'asymmetric',
  'diamond',
  'hexagon',
  'parallelogram',
  'parallelogram-alt',
  'trapezoid',
  'trapezoid-alt',
] as const
export type MermaidNodeShape = (typeof MERMAID_NODE_SHAPES)[number]

/** A label as written: `markdown` when it was a backtick string ("`**bold**`"). Entities are decoded. */
export type MermaidText = { readonly text: string; readonly markdown: boolean }

/** One mention of a node: `A`, `A[label]`, `A:::warn`. Shape and label are null when not written there. */
export type MermaidNodeRef = {
  readonly id: string
  readonly shape: MermaidNodeShape | null
  readonly label: MermaidText | null
  readonly classes: readonly string[]
  readonly at: SourcePosition
}

export type MermaidStroke = 'solid' | 'dotted' | 'thick' | 'invisible'
/** What an end of a link is drawn with: `>` arrow, `o` circle, `x` cross, or nothing (`---`). */
export type MermaidLinkEnd = 'arrow' | 'circle' | 'cross' | 'none'

export type MermaidLink = {
  readonly stroke: MermaidStroke
  /** The end at the target: `-->` is 'arrow', `---` is 'none'. */
  readonly head: MermaidLinkEnd
  /** The end at the source: 'arrow' for `<-->`, 'none' for most links. */
  readonly tail: MermaidLinkEnd
  /** How many ranks the link spans (`-->` 1, `--->` 2): Mermaid's layout hint. */
  readonly length: number
  readonly label: MermaidText | null
  readonly at: SourcePosition
}

/**
 * `A & B --> C --> D`: groups of nodes joined by links; `groups.length === links.length + 1`, and
 * each link joins every node of the group before it to every node of the group after it.
 */
export type MermaidChainStatement = {
  readonly type: 'chain'
  readonly groups: readonly (readonly MermaidNodeRef[])[]
  readonly links: readonly MermaidLink[]
  readonly at: SourcePosition
}

export type MermaidSubgraphStatement = {
  readonly type: 'subgraph'
  /** Null for `subgraph "A title"` / `subgraph A title`: Mermaid makes an id up for those. */
  readonly id: string | null
  /** `subgraph id [Title]`; null for `subgraph id`, whose title is its id. */
  readonly title: MermaidText | null
  readonly body: readonly MermaidStatement[]
  readonly at: SourcePosition
}

export type MermaidDirection = 'TB' | 'TD' | 'BT' | 'LR' | 'RL'

export type MermaidDirectionStatement = {
  readonly type: 'direction'
  readonly direction: MermaidDirection
  readonly at: SourcePosition
}

/** Statements that only style or script the drawing: read past, counted in the import's notices. */
export const MERMAID_STYLING_KEYWORDS = ['classDef', 'class', 'style', 'linkStyle', 'click'] as const
export type MermaidStylingKeyword = (typeof MERMAID_STYLING_KEYWORDS)[number]

export type MermaidStylingStatement = {
  readonly type: 'styling'
  readonly keyword: MermaidStylingKeyword
  readonly at: SourcePosition
}

/** `accTitle: …` / `accDescr: …`: the chart's accessible title and description. */
export type MermaidAccessibilityStatement = {
  readonly type: 'accessibility'
  readonly keyword: 'accTitle' | 'accDescr'
  readonly text: string
  readonly at: SourcePosition
}

/**
 * A `%% flowmap: …` comment: Mermaid ignores it as a comment; Flowmap's own export writes what
 * Mermaid has no notion of there (docs/mermaid-dialect.md). `text` is what follows `flowmap:`.
 */
export type MermaidFlowmapComment = {
  readonly type: 'flowmap-comment'
  readonly text: string
  readonly at: SourcePosition
}

export type MermaidStatement =
  | MermaidChainStatement
  | MermaidSubgraphStatement
  | MermaidDirectionStatement
  | MermaidStylingStatement
  | MermaidAccessibilityStatement
  | MermaidFlowmapComment

export type MermaidFlowchart = {
  /** `flowchart` or `graph`. */
  readonly keyword: 'flowchart' | 'graph'
  readonly direction: MermaidDirection
  /** The front matter's `title:`, when the file starts with a `---` block. */
  readonly title: string | null
  /** `%%{init: …}%%` directives: configuration of Mermaid's renderer, read past. */
  readonly directives: number
  readonly statements: readonly MermaidStatement[]
}
