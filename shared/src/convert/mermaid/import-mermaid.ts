/**
 * A Mermaid flowchart as a draft (docs/mermaid-dialect.md has the whole mapping):
 *
 * 1. Parse (`mermaid-parser.ts`): a syntax error or a file over the import limits is refused here,
 *    with its line and column, and nothing is built.
 * 2. Flatten (`mermaid-flowchart-walk.ts`): nodes once each, subgraphs with their parents, links
 *    between two ids.
 * 3. Subgraphs become lanes of one pool (a nested one is a lane named "Parent / Child"; one holding
 *    only subgraphs names its children and is no lane itself), or a stage where a `%% flowmap:`
 *    comment says so.
 * 4. Nodes become steps, decisions, events or artifacts by shape; an event with no incoming sequence
 *    link is a start, any other an end, unless a `%% flowmap:` comment says which.
 * 5. Links become connectors by stroke; a label on a link leaving a decision is its branch, any other
 *    is the connector's text (`meta.text`). A link to a subgraph keeps that end loose.
 * 6. The report counts every node, link and subgraph in one line, and says what was read past.
 *
 * Nothing here has geometry: `draftToContent` lays the draft out.
 */
import type { ArtifactKind } from '../../schema/artifact.ts'
import type { FlowKind } from '../../schema/connector.ts'
import type { EventKind } from '../../schema/event.ts'
import { MAX_IMPORT_ELEMENTS } from '../../schema/limits.ts'
import { type Role, validateRole } from '../../schema/role.ts'
import type { DraftContainer, DraftEdge, DraftMeta, DraftNode, DraftRead } from '../flow-draft.ts'
import type { ImportReport, ReportLine } from '../import-report.ts'
import { type FlowmapComment, readFlowmapComment } from './flowmap-comments.ts'
import type { MermaidNodeShape, MermaidStroke, MermaidStylingKeyword } from './mermaid-ast.ts'
import { type WalkedFlowchart, type WalkedSubgraph, walkFlowchart } from './mermaid-flowchart-walk.ts'
import { parseMermaidFlowchart } from './mermaid-parser.ts'
import { exportShapeOf, SHAPE_MEANINGS, SHAPE_WORDS } from './mermaid-shapes.ts'

/** The pool every lane of a plain Mermaid file joins: a flowchart's subgraphs are one set of rows. */
export const MERMAID_POOL_ID = 'mermaid'

const FLOW_OF_STROKE: Readonly<Record<Exclude<MermaidStroke, 'invisible'>, FlowKind>> = {
  solid: 'sequence',
  dotted: 'information',
  thick: 'dependency',
}

type Comments = {
  roles: Role[]
  lanes: Map<string, Extract<FlowmapComment, { what: 'lane' }>>
  stages: Map<string, Extract<FlowmapComment, { what: 'stage' }>>
  steps: Map<string, Extract<FlowmapComment, { what: 'step' }>>
  events: Map<string, Extract<FlowmapComment, { what: 'event' }>>
  notes: Extract<FlowmapComment, { what: 'note' }>[]
  connectors: Extract<FlowmapComment, { what: 'connector' }>[]
  unreadable: string[]
}

function readComments(walked: WalkedFlowchart): Comments {
  const comments: Comments = {
    roles: [],
    lanes: new Map(),
    stages: new Map(),
    steps: new Map(),
    events: new Map(),
    notes: [],
    connectors: [],
    unreadable: [],
  }
  for (const { text, at } of walked.flowmapComments) {
    const read = readFlowmapComment(text)
    if (!read.ok) {
      comments.unreadable.push(`line ${at.line}: a 'flowmap:' comment was left out (${read.reason})`)
      continue
    }
    const comment = read.comment
    switch (comment.what) {
      case 'role': {
        const checked = validateRole(comment.role)
        if (checked.ok) comments.roles.push(checked.role)
        else
          comments.unreadable.push(
            `line ${at.line}: a 'flowmap:' role was left out (${checked.error.message})`,
          )
        break
      }
      case 'lane':
        comments.lanes.set(comment.id, comment)
        break
      case 'stage':
        comments.stages.set(comment.id, comment)
        break
      case 'step':
        comments.steps.set(comment.id, comment)
        break
      case 'event':
        comments.events.set(comment.id, comment)
        break
      case 'note':
        comments.notes.push(comment)
        break
      case 'connector':
        comments.connectors.push(comment)
        break
      default: {
        const unexpected: never = comment
        throw new Error(`unhandled flowmap comment ${JSON.stringify(unexpected)}`)
      }
    }
  }
  return comments
}

/** Report lines counted up as elements are read, in the order each line is first met. */
class ReportTally {
  private readonly lines = new Map<string, { what: string; became: string; count: number }>()
  add(what: string, became: string): void {
    const key = `${what}\u0000${became}`
    const line = this.lines.get(key)
    if (line === undefined) this.lines.set(key, { what, became, count: 1 })
    else line.count += 1
  }
  reportLines(): ReportLine[] {
    return [...this.lines.values()]
  }
}

function containersOf(walked: WalkedFlowchart, comments: Comments, report: ReportTally) {
  const containers: DraftContainer[] = []
  /** The container a node of each subgraph sits in; absent for a subgraph that is no container. */
  const containerOfSubgraph = new Map<string, string>()
  const stageAbove = (subgraph: WalkedSubgraph): string | null => {
    for (let above = subgraph.parent; above !== null; above = walked.subgraphs.get(above)!.parent) {
      if (comments.stages.has(above)) return above
    }
    return null
  }
  const laneName = (subgraph: WalkedSubgraph): string => {
    const names = [subgraph.title]
    for (let above = subgraph.parent; above !== null; ) {
      const parent = walked.subgraphs.get(above)!
      if (comments.stages.has(parent.id)) break
      names.unshift(parent.title)
      above = parent.parent
    }
    return names.join(' / ')
  }
  for (const subgraph of walked.subgraphs.values()) {
    const stage = comments.stages.get(subgraph.id)
    if (stage !== undefined) {
      containers.push({
        id: subgraph.id,
        kind: 'stage',
        label: subgraph.title,
        roleId: null,
        pool: stage.pool,
        bounds: null,
        meta: { order: stage.order },
      })
      containerOfSubgraph.set(subgraph.id, subgraph.id)
      report.add('subgraphs', 'stages')
      continue
    }
    const lane = comments.lanes.get(subgraph.id)
    if (lane === undefined && subgraph.children.length > 0 && subgraph.nodes.length === 0) {
      report.add('subgraphs holding only subgraphs', "the first part of their lanes' names")
      continue
    }
    const inStage = stageAbove(subgraph)
    containers.push({
      id: subgraph.id,
      kind: 'lane',
      label: laneName(subgraph),
      roleId: lane?.roleId ?? null,
      pool: lane === undefined ? MERMAID_POOL_ID : lane.pool,
      bounds: null,
      meta: inStage === null ? {} : { stage: inStage },
    })
    containerOfSubgraph.set(subgraph.id, subgraph.id)
    report.add('subgraphs', 'lanes')
  }
  return { containers, containerOfSubgraph }
}

function eventWords(event: EventKind): string {
  return event === 'start' ? 'start events' : 'end events'
}

function artifactWords(artifact: ArtifactKind): string {
  return `${artifact} artifacts`
}

function notices(
  walked: WalkedFlowchart,
  extra: { markdown: number; ends: number; comments: Comments },
): string[] {
  const said: string[] = []
  const styling = [...walked.styling.entries()]
  if (styling.length > 0) {
    const total = styling.reduce((sum, [, count]) => sum + count, 0)
    const parts = styling.map(([keyword, count]: [MermaidStylingKeyword, number]) => `${count} ${keyword}`)
    said.push(
      `${total} styling and interaction statements (${parts.join(', ')}) were not imported: the board draws each kind of element its own way`,
    )
  }
  if (walked.classMarks > 0) said.push(`${walked.classMarks} ':::' class marks on nodes were not imported`)
  if (walked.directions > 0) {
    said.push(
      `${walked.directions} 'direction' statements in subgraphs were not imported: the board lays lanes out as rows`,
    )
  }
  if (walked.directives > 0)
    said.push(`${walked.directives} '%%{…}%%' directives (Mermaid's renderer settings) were not imported`)
  if (walked.descriptions > 0) said.push("the chart's accessible description (accDescr) was not imported")
  if (extra.markdown > 0) said.push(`${extra.markdown} markdown labels were kept as written, markup included`)
  if (extra.ends > 0) {
    said.push(`${extra.ends} links with circle, cross or two-way ends became connectors with one arrowhead`)
  }
  said.push(...extra.comments.unreadable)
  return said
}

/** Draft ids are Mermaid's own; one made here (a link's) must not take a node's or a subgraph's. */
function idMaker(taken: Iterable<string>) {
  const used = new Set(taken)
  let counter = 0
  return (prefix: string) => {
    for (;;) {
      counter += 1
      const id = `${prefix}-${counter}`
      if (!used.has(id)) {
        used.add(id)
        return id
      }
    }
  }
}

/** Reads a Mermaid flowchart (`flowchart LR` / `graph TD`) into a draft, or says what is wrong with it. */
export function mermaidToDraft(text: string): DraftRead {
  const parsed = parseMermaidFlowchart(text)
  if (!parsed.ok) return { ok: false, reason: `the Mermaid flowchart cannot be read: ${parsed.reason}` }
  const walked = walkFlowchart(parsed.flowchart)
  const comments = readComments(walked)
  // The parser bounds what Mermaid draws; the notes and connectors of `%% flowmap:` comments are elements too.
  const elements =
    walked.nodes.size +
    walked.links.length +
    walked.subgraphs.size +
    comments.notes.length +
    comments.connectors.length
  if (elements > MAX_IMPORT_ELEMENTS) {
    return {
      ok: false,
      reason: `the Mermaid flowchart has more than ${MAX_IMPORT_ELEMENTS.toLocaleString('en')} elements (nodes, links, subgraphs and flowmap notes and connectors), the import limit`,
    }
  }
  // Tallied apart, so the report reads nodes, then links, then subgraphs, whatever order they were met in.
  const nodeLines = new ReportTally()
  const linkLines = new ReportTally()
  const subgraphLines = new ReportTally()
  const { containers, containerOfSubgraph } = containersOf(walked, comments, subgraphLines)

  // An id that names a subgraph and is never drawn as a node is a link to that subgraph.
  const subgraphLinks = new Set(
    [...walked.nodes.values()]
      .filter((node) => node.shape === null && walked.subgraphs.has(node.id))
      .map((node) => node.id),
  )
  const nodeIds = [...walked.nodes.keys()].filter((id) => !subgraphLinks.has(id))
  const newId = idMaker([
    ...walked.nodes.keys(),
    ...walked.subgraphs.keys(),
    ...comments.notes.map((note) => note.id),
  ])

  const shapeOf = (id: string): MermaidNodeShape => walked.nodes.get(id)!.shape ?? 'rect'
  const isDecision = (id: string) => !subgraphLinks.has(id) && SHAPE_MEANINGS[shapeOf(id)].kind === 'decision'

  const edges: DraftEdge[] = []
  let unusualEnds = 0
  let markdown = 0
  for (const { from, to, link } of walked.links) {
    if (link.stroke === 'invisible') {
      linkLines.add('invisible links (~~~)', "no connector (they only space out Mermaid's layout)")
      continue
    }
    const flow = FLOW_OF_STROKE[link.stroke]
    const label = link.label?.text ?? ''
    if (link.label?.markdown) markdown += 1
    if (link.head === 'circle' || link.head === 'cross' || link.tail !== 'none') unusualEnds += 1
    const toSubgraph = subgraphLinks.has(from) || subgraphLinks.has(to)
    const branch = label !== '' && isDecision(from) ? label : null
    const meta: DraftMeta = label !== '' && branch === null ? { text: label } : {}
    edges.push({
      id: newId('link'),
      from: subgraphLinks.has(from) ? null : from,
      to: subgraphLinks.has(to) ? null : to,
      flow,
      branch,
      waypoints: null,
      meta,
    })
    if (toSubgraph) linkLines.add('links to or from a subgraph', 'connectors with a loose end')
    else linkLines.add(`${link.stroke} links`, `${flow} connectors`)
  }
  for (const connector of comments.connectors) {
    edges.push({
      id: connector.id,
      from: connector.from,
      to: connector.to,
      flow: connector.flow,
      branch: connector.branch,
      waypoints: null,
      meta: {},
    })
    linkLines.add('flowmap connectors Mermaid cannot draw', 'connectors')
  }

  const hasIncomingSequence = new Set(
    edges.filter((edge) => edge.flow === 'sequence' && edge.to !== null).map((edge) => edge.to!),
  )
  const nodes: DraftNode[] = nodeIds.map((id) => {
    const walkedNode = walked.nodes.get(id)!
    const shape = shapeOf(id)
    const meaning = SHAPE_MEANINGS[shape]
    const label = walkedNode.label?.text ?? id
    if (walkedNode.label?.markdown) markdown += 1
    const containerId =
      walkedNode.subgraph === null ? null : (containerOfSubgraph.get(walkedNode.subgraph) ?? null)
    const common = { id, label, containerId, bounds: null }
    const words = SHAPE_WORDS[shape]
    switch (meaning.kind) {
      case 'step': {
        const step = comments.steps.get(id)
        nodeLines.add(`${words} nodes`, 'steps')
        return {
          ...common,
          kind: 'step',
          owner: step?.owner ?? null,
          automation: step?.automation ?? 'manual',
          description: step?.description ?? '',
          meta: shapeMeta(shape, { kind: 'step' }),
        }
      }
      case 'decision':
        nodeLines.add(`${words} nodes`, 'decisions')
        return { ...common, kind: 'decision', meta: shapeMeta(shape, { kind: 'decision' }) }
      case 'event': {
        const event = comments.events.get(id)?.event ?? (hasIncomingSequence.has(id) ? 'end' : 'start')
        nodeLines.add(`${words} nodes`, eventWords(event))
        return { ...common, kind: 'event', event, meta: shapeMeta(shape, { kind: 'event', event }) }
      }
      case 'artifact':
        nodeLines.add(`${words} nodes`, artifactWords(meaning.artifact))
        return {
          ...common,
          kind: 'artifact',
          artifact: meaning.artifact,
          meta: shapeMeta(shape, { kind: 'artifact', artifact: meaning.artifact }),
        }
      default: {
        const unexpected: never = meaning
        throw new Error(`unhandled shape meaning ${JSON.stringify(unexpected)}`)
      }
    }
  })
  for (const note of comments.notes) {
    nodes.push({
      id: note.id,
      kind: 'note',
      label: note.label,
      containerId: note.container === null ? null : (containerOfSubgraph.get(note.container) ?? null),
      bounds: null,
      meta: {},
    })
    nodeLines.add('flowmap notes', 'notes')
  }

  const lines = [...nodeLines.reportLines(), ...linkLines.reportLines(), ...subgraphLines.reportLines()]
  const report: ImportReport = {
    format: 'mermaid',
    writtenBy: null,
    elementCount: lines.reduce((sum, line) => sum + line.count, 0),
    mapped: lines,
    keptAsNotes: [],
    notices: notices(walked, { markdown, ends: unusualEnds, comments }),
  }
  return {
    ok: true,
    draft: { title: walked.title, roles: comments.roles, containers, nodes, edges, report },
  }
}

/** `meta.mermaidShape` when the node's shape is not the one the export would write, so it is written back. */
function shapeMeta(shape: MermaidNodeShape, kind: Parameters<typeof exportShapeOf>[0]): DraftMeta {
  return shape === exportShapeOf(kind) ? {} : { mermaidShape: shape }
}
