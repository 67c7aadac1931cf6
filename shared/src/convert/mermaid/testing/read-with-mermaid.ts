/**
 * Tests only: a flowchart as Mermaid itself reads it (the `mermaid` package, a dev dependency), the
 * independent reader our export is checked against. `mermaid.parse` runs its own jison grammar and
 * flowchart database headless, but the database passes every label through DOMPurify, which needs a
 * browser window: without one, DOMPurify's default export has no `sanitize` or `addHook`. Sanitising
 * guards an HTML rendering, which a parse never does, so the stand-ins below return the text as it is.
 */
import DOMPurify from 'dompurify'
import mermaid from 'mermaid'
import type { MermaidNodeShape } from '../mermaid-ast.ts'

Object.assign(DOMPurify, { addHook: () => {}, sanitize: (text: string) => text })

/** Mermaid's names for the shapes (its flowchart database's vertex types). */
const SHAPE_OF_VERTEX_TYPE: Readonly<Record<string, MermaidNodeShape>> = {
  square: 'rect',
  round: 'round',
  stadium: 'stadium',
  subroutine: 'subroutine',
  cylinder: 'cylinder',
  circle: 'circle',
  doublecircle: 'double-circle',
  odd: 'asymmetric',
  diamond: 'diamond',
  hexagon: 'hexagon',
  lean_right: 'parallelogram',
  lean_left: 'parallelogram-alt',
  trapezoid: 'trapezoid',
  inv_trapezoid: 'trapezoid-alt',
}

const STROKES: Readonly<Record<string, 'solid' | 'dotted' | 'thick'>> = {
  normal: 'solid',
  dotted: 'dotted',
  thick: 'thick',
}

type FlowDb = {
  getVertices(): Map<string, { id: string; type?: string; text?: string }>
  getEdges(): { start: string; end: string; type?: string; stroke?: string; text?: string }[]
  getSubGraphs(): { id: string; title: string; nodes: string[] }[]
}

export type MermaidReading = {
  /** The renderer configuration the text sets (`%%{init: …}%%` directives, front matter `config:`). */
  config: unknown
  nodes: { id: string; shape: MermaidNodeShape | null; label: string }[]
  links: { from: string; to: string; stroke: 'solid' | 'dotted' | 'thick' | null; text: string }[]
  subgraphs: { id: string; title: string; members: string[] }[]
}

/**
 * Label text as Mermaid would show it. Mermaid's preprocessing swaps each `#…;` code for a
 * placeholder (`ﬂ°°35¶ß` for `#35;`, `ﬂ°quot¶ß` for `#quot;`) that its renderer turns into an HTML
 * entity; this decodes the numeric ones (the only ones our export writes), and `<br>` line breaks,
 * the way the page would. A named one is left as its placeholder.
 */
function shownText(text: string | undefined): string {
  return (text ?? '')
    .trim()
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
}

export async function readWithMermaid(text: string): Promise<MermaidReading> {
  const parsed = await mermaid.parse(text)
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text)
  const db = diagram.db as unknown as FlowDb
  return {
    config: parsed.config,
    nodes: [...db.getVertices().values()].map((vertex) => ({
      id: vertex.id,
      shape: vertex.type === undefined ? null : (SHAPE_OF_VERTEX_TYPE[vertex.type] ?? null),
      label: shownText(vertex.text),
    })),
    links: db.getEdges().map((edge) => ({
      from: edge.start,
      to: edge.end,
      stroke: STROKES[edge.stroke ?? ''] ?? null,
      text: shownText(edge.text),
    })),
    subgraphs: db.getSubGraphs().map((subgraph) => ({
      id: subgraph.id,
      title: shownText(subgraph.title),
      members: subgraph.nodes,
    })),
  }
}
