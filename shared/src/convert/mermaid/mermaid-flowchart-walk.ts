/**
 * A parsed flowchart flattened into what an import needs: each node once (with the shape and label of
 * its last mention that has them, as Mermaid draws it), each subgraph with its parent, each link
 * between two ids (`A & B --> C` is two), and counts of what has no Flowmap meaning.
 *
 * Membership: a node belongs to the innermost subgraph of its first mention inside any subgraph;
 * mentions outside every subgraph do not place it. So a node declared in a subgraph and linked from
 * the top level stays in its subgraph, as Mermaid draws it.
 */
import type {
  MermaidFlowchart,
  MermaidLink,
  MermaidNodeShape,
  MermaidStatement,
  MermaidStylingKeyword,
  MermaidText,
  SourcePosition,
} from './mermaid-ast.ts'

export type WalkedNode = {
  readonly id: string
  shape: MermaidNodeShape | null
  label: MermaidText | null
  subgraph: string | null
}

export type WalkedSubgraph = {
  readonly id: string
  readonly title: string
  readonly parent: string | null
  readonly children: string[]
  readonly nodes: string[]
}

export type WalkedLink = { readonly from: string; readonly to: string; readonly link: MermaidLink }

export type WalkedFlowchart = {
  readonly title: string | null
  readonly nodes: ReadonlyMap<string, WalkedNode>
  readonly subgraphs: ReadonlyMap<string, WalkedSubgraph>
  readonly links: readonly WalkedLink[]
  readonly flowmapComments: readonly { readonly text: string; readonly at: SourcePosition }[]
  readonly styling: ReadonlyMap<MermaidStylingKeyword, number>
  readonly classMarks: number
  readonly directions: number
  readonly directives: number
  readonly descriptions: number
}

export function walkFlowchart(flowchart: MermaidFlowchart): WalkedFlowchart {
  const nodes = new Map<string, WalkedNode>()
  const subgraphs = new Map<string, WalkedSubgraph>()
  const links: WalkedLink[] = []
  const flowmapComments: { text: string; at: SourcePosition }[] = []
  const styling = new Map<MermaidStylingKeyword, number>()
  let classMarks = 0
  let directions = 0
  let descriptions = 0
  let accessibleTitle: string | null = null
  let untitled = 0

  function subgraphId(id: string | null): string {
    if (id !== null && !subgraphs.has(id)) return id
    // Mermaid names a subgraph without an id itself; this name only has to be unique.
    for (;;) {
      untitled += 1
      const made = `subgraph-${untitled}`
      if (!subgraphs.has(made)) return made
    }
  }

  function mention(
    id: string,
    shape: MermaidNodeShape | null,
    label: MermaidText | null,
    within: string | null,
  ) {
    let node = nodes.get(id)
    if (node === undefined) {
      node = { id, shape: null, label: null, subgraph: null }
      nodes.set(id, node)
    }
    if (shape !== null) node.shape = shape
    if (label !== null) node.label = label
    if (node.subgraph === null && within !== null) {
      node.subgraph = within
      subgraphs.get(within)!.nodes.push(id)
    }
  }

  // Explicit stack, not recursion: the parser bounds the nesting, but the walk need not rely on it.
  const pending: { statements: readonly MermaidStatement[]; within: string | null; next: number }[] = [
    { statements: flowchart.statements, within: null, next: 0 },
  ]
  while (pending.length > 0) {
    const frame = pending.at(-1)!
    const statement = frame.statements[frame.next]
    if (statement === undefined) {
      pending.pop()
      continue
    }
    frame.next += 1
    switch (statement.type) {
      case 'chain':
        for (const group of statement.groups) {
          for (const node of group) {
            mention(node.id, node.shape, node.label, frame.within)
            classMarks += node.classes.length
          }
        }
        statement.links.forEach((link, i) => {
          for (const from of statement.groups[i]!) {
            for (const to of statement.groups[i + 1]!) links.push({ from: from.id, to: to.id, link })
          }
        })
        break
      case 'subgraph': {
        const id = subgraphId(statement.id)
        const title = statement.title?.text ?? statement.id ?? id
        subgraphs.set(id, { id, title, parent: frame.within, children: [], nodes: [] })
        if (frame.within !== null) subgraphs.get(frame.within)!.children.push(id)
        pending.push({ statements: statement.body, within: id, next: 0 })
        break
      }
      case 'direction':
        directions += 1
        break
      case 'styling':
        styling.set(statement.keyword, (styling.get(statement.keyword) ?? 0) + 1)
        break
      case 'accessibility':
        if (statement.keyword === 'accTitle') accessibleTitle ??= statement.text
        else descriptions += 1
        break
      case 'flowmap-comment':
        flowmapComments.push({ text: statement.text, at: statement.at })
        break
      default: {
        const unexpected: never = statement
        throw new Error(`unhandled statement ${JSON.stringify(unexpected)}`)
      }
    }
  }

  return {
    title: flowchart.title ?? accessibleTitle,
    nodes,
    subgraphs,
    links,
    flowmapComments,
    styling,
    classMarks,
    directions,
    directives: flowchart.directives,
    descriptions,
  }
}
