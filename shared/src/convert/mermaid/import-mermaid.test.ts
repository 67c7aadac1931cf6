import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_ELEMENTS } from '../../schema/limits.ts'
import type { DraftNode, FlowDraft } from '../flow-draft.ts'
import { reportSentences } from '../import-report.ts'
import { APPROVAL_PROCESS_HANDBOOK, CI_PIPELINE_README } from './fixtures/readme-flowcharts.ts'
import { MERMAID_POOL_ID, mermaidToDraft } from './import-mermaid.ts'
import { walkFlowchart } from './mermaid-flowchart-walk.ts'
import { parseMermaidFlowchart } from './mermaid-parser.ts'
import { readWithMermaid } from './testing/read-with-mermaid.ts'

function draftOf(text: string): FlowDraft {
  const read = mermaidToDraft(text)
  if (!read.ok) throw new Error(read.reason)
  return read.draft
}

const FIXTURES: Readonly<Record<string, string>> = {
  'the CI pipeline': CI_PIPELINE_README,
  'the approval process': APPROVAL_PROCESS_HANDBOOK,
}
const fixture = (name: string) => FIXTURES[name]!

function node(draft: FlowDraft, id: string): DraftNode {
  const found = draft.nodes.find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no node ${id}`)
  return found
}

function expectEveryElementCounted(draft: FlowDraft) {
  const { report } = draft
  const counted = [...report.mapped, ...report.keptAsNotes].reduce((sum, line) => sum + line.count, 0)
  expect(counted).toBe(report.elementCount)
}

describe('node shapes become elements', () => {
  it.each([
    ['A[x]', { kind: 'step' }],
    ['A(x)', { kind: 'step', meta: { mermaidShape: 'round' } }],
    ['A[[x]]', { kind: 'step', meta: { mermaidShape: 'subroutine' } }],
    ['A[/x\\]', { kind: 'step', meta: { mermaidShape: 'trapezoid' } }],
    ['A[\\x/]', { kind: 'step', meta: { mermaidShape: 'trapezoid-alt' } }],
    ['A{x}', { kind: 'decision', meta: {} }],
    ['A{{x}}', { kind: 'decision', meta: { mermaidShape: 'hexagon' } }],
    ['A([x])', { kind: 'event', event: 'start', meta: { mermaidShape: 'stadium' } }],
    ['A((x))', { kind: 'event', event: 'start', meta: {} }],
    ['A(((x)))', { kind: 'event', event: 'start', meta: { mermaidShape: 'double-circle' } }],
    ['A[(x)]', { kind: 'artifact', artifact: 'data' }],
    ['A[/x/]', { kind: 'artifact', artifact: 'document' }],
    ['A[\\x\\]', { kind: 'artifact', artifact: 'document', meta: { mermaidShape: 'parallelogram-alt' } }],
    ['A>x]', { kind: 'artifact', artifact: 'system' }],
    ['A', { kind: 'step', label: 'A' }],
  ])('%s', (line, expected) => {
    expect(node(draftOf(`flowchart LR\n  ${line}`), 'A')).toMatchObject({
      label: 'x',
      bounds: null,
      ...expected,
    })
  })

  it('an event with an incoming sequence link is an end, one without is a start; information links do not count', () => {
    const draft = draftOf('flowchart LR\n  a([Go]) --> s[Work] --> b([Stop])\n  s -.-> c((Log))')
    expect(node(draft, 'a')).toMatchObject({ kind: 'event', event: 'start' })
    expect(node(draft, 'b')).toMatchObject({ kind: 'event', event: 'end' })
    expect(node(draft, 'c')).toMatchObject({ kind: 'event', event: 'start' })
  })

  it("a node's shape and label are those of its last mention that has them", () => {
    const draft = draftOf('flowchart LR\n  A[First] --> B\n  A{Second?}\n  A --> C')
    expect(node(draft, 'A')).toMatchObject({ kind: 'decision', label: 'Second?' })
  })
})

describe('links become connectors', () => {
  it('solid is sequence, dotted information, thick dependency; arrowheads do not change the kind', () => {
    const draft = draftOf(
      'flowchart LR\n  A --> B\n  A --- C\n  A -.-> D\n  A -.- E\n  A ==> F\n  A === G\n  A --o H\n  A <--> I',
    )
    expect(draft.edges.map((edge) => [edge.to, edge.flow])).toEqual([
      ['B', 'sequence'],
      ['C', 'sequence'],
      ['D', 'information'],
      ['E', 'information'],
      ['F', 'dependency'],
      ['G', 'dependency'],
      ['H', 'sequence'],
      ['I', 'sequence'],
    ])
    expect(draft.report.notices).toContain(
      '2 links with circle, cross or two-way ends became connectors with one arrowhead',
    )
  })

  it("a label on a link from a decision is its branch; any other is the connector's text", () => {
    const draft = draftOf('flowchart LR\n  Q{Ok?} -->|yes| A\n  Q -- no --> B\n  A -- hand over --> B')
    expect(draft.edges.map((edge) => [edge.from, edge.to, edge.branch, edge.meta])).toEqual([
      ['Q', 'A', 'yes', {}],
      ['Q', 'B', 'no', {}],
      ['A', 'B', null, { text: 'hand over' }],
    ])
  })

  it('& groups and chains make one connector per pair', () => {
    const draft = draftOf('flowchart LR\n  A & B --> C & D --> E')
    expect(draft.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual([
      'A>C',
      'A>D',
      'B>C',
      'B>D',
      'C>E',
      'D>E',
    ])
  })

  it('an invisible link makes no connector, and is counted', () => {
    const draft = draftOf('flowchart LR\n  A ~~~ B')
    expect(draft.edges).toEqual([])
    expect(reportSentences(draft.report)).toContain(
      "1 invisible links (~~~) became no connector (they only space out Mermaid's layout)",
    )
    expectEveryElementCounted(draft)
  })

  it('a link to a subgraph keeps that end loose', () => {
    const draft = draftOf('flowchart LR\n  A --> group\n  subgraph group\n    B\n  end')
    expect(draft.edges).toEqual([expect.objectContaining({ from: 'A', to: null })])
    expect(draft.nodes.map((n) => n.id)).toEqual(['A', 'B'])
    expect(reportSentences(draft.report)).toContain(
      '1 links to or from a subgraph became connectors with a loose end',
    )
  })
})

describe('subgraphs become lanes of one pool', () => {
  it('a nested subgraph is a lane named "Parent / Child"; a subgraph holding only subgraphs is none', () => {
    const draft = draftOf(
      'flowchart TB\n  subgraph org [Company]\n    subgraph sales [Sales]\n      A\n    end\n    subgraph ops\n      subgraph eu [EU]\n        B\n      end\n      C\n    end\n  end\n  A --> B --> C',
    )
    expect(draft.containers.map((c) => [c.id, c.kind, c.label, c.pool])).toEqual([
      ['sales', 'lane', 'Company / Sales', MERMAID_POOL_ID],
      ['ops', 'lane', 'Company / ops', MERMAID_POOL_ID],
      ['eu', 'lane', 'Company / ops / EU', MERMAID_POOL_ID],
    ])
    expect(draft.nodes.map((n) => [n.id, n.containerId])).toEqual([
      ['A', 'sales'],
      ['B', 'eu'],
      ['C', 'ops'],
    ])
    expect(reportSentences(draft.report)).toEqual(
      expect.arrayContaining([
        "1 subgraphs holding only subgraphs became the first part of their lanes' names",
        '3 subgraphs became lanes',
      ]),
    )
    expectEveryElementCounted(draft)
  })

  it('a node belongs to the first subgraph that mentions it, even when a top-level link names it first', () => {
    const draft = draftOf(
      'flowchart LR\n  A --> B\n  subgraph one\n    B\n  end\n  subgraph two\n    B --> C\n  end',
    )
    expect(draft.nodes.map((n) => [n.id, n.containerId])).toEqual([
      ['A', null],
      ['B', 'one'],
      ['C', 'two'],
    ])
  })
})

describe('the report and what is read past', () => {
  it('styling, class marks, directions, directives and markdown are named in the notices', () => {
    const draft = draftOf(
      '%%{init: {"theme": "forest"}}%%\nflowchart LR\n  A["`**Bold**`"]:::hot --> B\n  subgraph s\n    direction TB\n    B\n  end\n  classDef hot fill:#f00\n  class B hot\n  style A fill:#0f0\n  linkStyle 0 stroke:#00f\n  click A "https://example.com"',
    )
    expect(draft.report.notices).toEqual([
      '5 styling and interaction statements (1 classDef, 1 class, 1 style, 1 linkStyle, 1 click) were not imported: the board draws each kind of element its own way',
      "1 ':::' class marks on nodes were not imported",
      "1 'direction' statements in subgraphs were not imported: the board lays lanes out as rows",
      "1 '%%{…}%%' directives (Mermaid's renderer settings) were not imported",
      '1 markdown labels were kept as written, markup included',
    ])
  })

  it('a flowmap comment that cannot be read is left out and said so', () => {
    const draft = draftOf('flowchart LR\n  A\n  %% flowmap: step A {"owner": 3}\n  %% flowmap: wobble A {}')
    expect(node(draft, 'A')).toMatchObject({ owner: null })
    expect(draft.report.notices).toEqual([
      expect.stringMatching(/^line 3: a 'flowmap:' comment was left out \(owner .*\)$/),
      "line 4: a 'flowmap:' comment was left out ('wobble' is not something Flowmap writes there)",
    ])
  })

  it(`flowmap notes and connectors count toward MAX_IMPORT_ELEMENTS (${MAX_IMPORT_ELEMENTS}) too`, () => {
    const notes = Array.from(
      { length: MAX_IMPORT_ELEMENTS },
      (_, i) => `%% flowmap: note n${i} {"label":"","container":null}`,
    )
    expect(mermaidToDraft(`flowchart LR\n  A\n${notes.join('\n')}`)).toEqual({
      ok: false,
      reason:
        'the Mermaid flowchart has more than 10,000 elements (nodes, links, subgraphs and flowmap notes and connectors), the import limit',
    })
    expect(mermaidToDraft(`flowchart LR\n${notes.join('\n')}`).ok).toBe(true)
  })

  it('a file that is not a flowchart is refused with the parser’s sentence', () => {
    expect(mermaidToDraft('flowchart LR\n  A --> B -->')).toEqual({
      ok: false,
      reason:
        "the Mermaid flowchart cannot be read: line 2, column 14: expected a node id after '-->', got the end of the line",
    })
  })
})

describe('realistic files, as READMEs write them', () => {
  it('a CI pipeline imports with a report that counts every node and link', () => {
    const draft = draftOf(fixture('the CI pipeline'))
    expect(draft.title).toBeNull()
    expect(draft.containers.map((c) => [c.id, c.label])).toEqual([
      ['ci', 'CI checks'],
      ['cd', 'Delivery'],
    ])
    // The link back from a rollback is dotted (information): the developer's push stays the start.
    expect(node(draft, 'dev')).toMatchObject({ kind: 'event', event: 'start' })
    expect(node(draft, 'live')).toMatchObject({ kind: 'event', event: 'end' })
    expect(node(draft, 'smoke')).toMatchObject({
      kind: 'decision',
      containerId: 'cd',
      meta: { mermaidShape: 'hexagon' },
    })
    expect(node(draft, 'registry')).toMatchObject({ kind: 'artifact', artifact: 'data', containerId: 'cd' })
    expect(node(draft, 'lint')).toMatchObject({ kind: 'step', containerId: 'ci' })
    expect(draft.edges.filter((edge) => edge.branch !== null).map((edge) => edge.branch)).toEqual([
      'yes',
      'no',
      'Yes',
      'No',
    ])
    expect(reportSentences(draft.report)).toEqual([
      '1 stadium nodes became start events',
      '1 diamond nodes became decisions',
      '7 rectangle nodes became steps',
      '1 cylinder nodes became data artifacts',
      '1 hexagon nodes became decisions',
      '1 circle nodes became end events',
      '11 solid links became sequence connectors',
      '1 links to or from a subgraph became connectors with a loose end',
      '2 dotted links became information connectors',
      '2 subgraphs became lanes',
      '3 styling and interaction statements (1 classDef, 1 class, 1 click) were not imported: the board draws each kind of element its own way',
      "1 'direction' statements in subgraphs were not imported: the board lays lanes out as rows",
    ])
    expect(draft.report.elementCount).toBe(12 + 14 + 2)
    expectEveryElementCounted(draft)
  })

  it('an approval process imports with its title, nested approvers and branches', () => {
    const draft = draftOf(fixture('the approval process'))
    expect(draft.title).toBe('Purchase approval')
    expect(draft.containers.map((c) => [c.id, c.label])).toEqual([
      ['Approvers', 'Approvers'],
      ['subgraph-1', 'Approvers / Line management'],
    ])
    expect(node(draft, 'Manager')).toMatchObject({ containerId: 'subgraph-1' })
    expect(node(draft, 'Finance')).toMatchObject({ containerId: 'Approvers' })
    expect(node(draft, 'Start')).toMatchObject({ kind: 'event', event: 'start' })
    expect(node(draft, 'Done')).toMatchObject({ kind: 'event', event: 'end', label: 'Closed' })
    expect(node(draft, 'Form')).toMatchObject({ kind: 'artifact', artifact: 'document' })
    expect(node(draft, 'Notify')).toMatchObject({ label: 'Notify requester\nwith the reason' })
    expect(draft.edges.filter((edge) => edge.from === 'Decision').map((edge) => edge.branch)).toEqual([
      'Approved',
      'Rejected',
    ])
    expect(draft.edges.filter((edge) => edge.flow === 'dependency').map((edge) => edge.from)).toEqual([
      'Finance',
    ])
    expect(draft.report.notices).toContain("the chart's accessible description (accDescr) was not imported")
    expect(draft.report.elementCount).toBe(10 + 12 + 2)
    expectEveryElementCounted(draft)
  })

  it.each(Object.keys(FIXTURES))('%s reads the same in Mermaid itself as in our parser', async (name) => {
    const text = fixture(name)
    const theirs = await readWithMermaid(text)
    const parsed = parseMermaidFlowchart(text)
    if (!parsed.ok) throw new Error(parsed.reason)
    const ours = walkFlowchart(parsed.flowchart)
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id))
    expect(
      byId([...ours.nodes.values()].map((n) => ({ id: n.id, shape: n.shape, label: n.label?.text ?? n.id }))),
    ).toEqual(byId(theirs.nodes))
    expect(
      ours.links.map(({ from, to, link }) => ({
        from,
        to,
        stroke: link.stroke,
        text: link.label?.text ?? '',
      })),
    ).toEqual(theirs.links)
    // Mermaid names an id-less subgraph itself, so subgraphs are compared by title and members.
    const oursByTitle = [...ours.subgraphs.values()].map((s) => ({
      title: s.title,
      nodes: [...s.nodes].sort(),
    }))
    const theirsByTitle = theirs.subgraphs.map((s) => ({
      title: s.title,
      nodes: s.members.filter((member) => ours.nodes.has(member)).sort(),
    }))
    expect(oursByTitle.sort((a, b) => a.title.localeCompare(b.title))).toEqual(
      theirsByTitle.sort((a, b) => a.title.localeCompare(b.title)),
    )
  })
})
