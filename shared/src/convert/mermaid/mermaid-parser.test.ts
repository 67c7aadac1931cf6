import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_DEPTH, MAX_IMPORT_ELEMENTS } from '../../schema/limits.ts'
import { detectImportFormat } from '../import-format.ts'
import type {
  MermaidChainStatement,
  MermaidFlowchart,
  MermaidStatement,
  MermaidSubgraphStatement,
} from './mermaid-ast.ts'
import { parseMermaidFlowchart, startsAsMermaid } from './mermaid-parser.ts'

function parsed(text: string): MermaidFlowchart {
  const read = parseMermaidFlowchart(text)
  if (!read.ok) throw new Error(read.reason)
  return read.flowchart
}

function reason(text: string): string {
  const read = parseMermaidFlowchart(text)
  if (read.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`)
  return read.reason
}

function chains(statements: readonly MermaidStatement[]): MermaidChainStatement[] {
  return statements.filter((statement): statement is MermaidChainStatement => statement.type === 'chain')
}

/** The only node of a one-statement chart. */
function onlyNode(line: string) {
  return chains(parsed(`flowchart LR\n  ${line}`).statements)[0]!.groups[0]![0]!
}

function onlyLink(line: string) {
  return chains(parsed(`flowchart LR\n  ${line}`).statements)[0]!.links[0]!
}

describe('the header', () => {
  it.each([
    ['flowchart LR', 'flowchart', 'LR'],
    ['flowchart TD', 'flowchart', 'TD'],
    ['graph TB', 'graph', 'TB'],
    ['graph BT;', 'graph', 'BT'],
    ['graph RL', 'graph', 'RL'],
    ['graph', 'graph', 'TB'],
    ['graph >', 'graph', 'LR'],
    ['flowchart-elk TD', 'flowchart', 'TD'],
  ])('%s reads as %s %s', (header, keyword, direction) => {
    expect(parsed(`${header}\n  A --> B`)).toMatchObject({ keyword, direction })
  })

  it('front matter gives the title; comments, blank lines and directives may come before the header', () => {
    const chart = parsed(
      '---\ntitle: "Release pipeline"\nconfig:\n  theme: dark\n---\n\n%% the pipeline\n%%{init: {"flowchart": {"curve": "basis"}}}%%\nflowchart LR\n  A --> B\n',
    )
    expect(chart.title).toBe('Release pipeline')
    expect(chart.directives).toBe(1)
    expect(chains(chart.statements)).toHaveLength(1)
  })

  it('a byte-order mark before the header is read past', () => {
    expect(parsed('\uFEFFgraph TD\nA-->B').keyword).toBe('graph')
  })
})

describe('statements', () => {
  it('are separated by newlines or semicolons, and %% comments are skipped', () => {
    const chart = parsed('graph TD;A-->B;B-->C\n%% not a node\nC --> D %% trailing comment\n')
    expect(chains(chart.statements).map((chain) => chain.groups.map((group) => group[0]!.id))).toEqual([
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'D'],
    ])
  })

  it('Windows line endings read as Unix ones', () => {
    const chart = parsed(
      '---\r\ntitle: CRLF\r\n---\r\nflowchart LR\r\n  A[Start] --> B{Ok?}\r\n  subgraph s [S]\r\n    B\r\n  end\r\n',
    )
    expect(chart.title).toBe('CRLF')
    expect(chains(chart.statements)[0]!.groups.map((group) => group[0]!.label?.text)).toEqual([
      'Start',
      'Ok?',
    ])
    expect(chart.statements[1]).toMatchObject({ type: 'subgraph', id: 's', title: { text: 'S' } })
  })

  it('a %% flowmap: comment is kept with its position', () => {
    const chart = parsed('flowchart LR\n  %% flowmap: role {"id":"r"}\n  A\n')
    expect(chart.statements[0]).toEqual({
      type: 'flowmap-comment',
      text: 'role {"id":"r"}',
      at: { line: 2, column: 3 },
    })
  })

  it.each([
    ['classDef warn fill:#f96,stroke:#333;', 'classDef'],
    ['class A,B warn', 'class'],
    ['style A fill:#f9f,stroke:#333,stroke-width:4px', 'style'],
    ['linkStyle 0,1 stroke:#ff3,stroke-width:4px,color:red;', 'linkStyle'],
    ['click A "https://example.com/?a=1;b=2" "Open" _blank', 'click'],
    ['click A callback "Tooltip"', 'click'],
  ] as const)('%s is read past as a %s statement', (line, keyword) => {
    const chart = parsed(`flowchart LR\n  A --> B\n  ${line}\n  B --> C`)
    expect(chart.statements.map((statement) => statement.type)).toEqual(['chain', 'styling', 'chain'])
    expect(chart.statements[1]).toMatchObject({ type: 'styling', keyword })
  })

  it('accTitle and accDescr are read, a multi-line description too', () => {
    const chart = parsed(
      'flowchart LR\n  accTitle: Order flow\n  accDescr {\n    two lines\n    of text\n  }\n  A\n',
    )
    expect(chart.statements.slice(0, 2)).toMatchObject([
      { type: 'accessibility', keyword: 'accTitle', text: 'Order flow' },
      { type: 'accessibility', keyword: 'accDescr', text: 'two lines\n    of text' },
    ])
  })
})

describe('node shapes', () => {
  it.each([
    ['A[rect]', 'rect', 'rect'],
    ['A(round)', 'round', 'round'],
    ['A([stadium])', 'stadium', 'stadium'],
    ['A((circle))', 'circle', 'circle'],
    ['A(((double circle)))', 'double-circle', 'double circle'],
    ['A{diamond}', 'diamond', 'diamond'],
    ['A{{hexagon}}', 'hexagon', 'hexagon'],
    ['A[(cylinder)]', 'cylinder', 'cylinder'],
    ['A[[subroutine]]', 'subroutine', 'subroutine'],
    ['A>asym]', 'asymmetric', 'asym'],
    ['A[/para/]', 'parallelogram', 'para'],
    ['A[\\alt\\]', 'parallelogram-alt', 'alt'],
    ['A[/trap\\]', 'trapezoid', 'trap'],
    ['A[\\inverted/]', 'trapezoid-alt', 'inverted'],
  ])('%s is a %s labelled "%s"', (line, shape, text) => {
    expect(onlyNode(line)).toMatchObject({ id: 'A', shape, label: { text, markdown: false } })
  })

  it('a bare id has no shape and no label', () => {
    expect(onlyNode('order-2')).toMatchObject({ id: 'order-2', shape: null, label: null })
  })

  it('an opening whose closing is not on the line falls back to a shorter one: [(a) b] is a rectangle', () => {
    expect(onlyNode('A[(a) b]')).toMatchObject({ shape: 'rect', label: { text: '(a) b' } })
  })

  it('quoted labels keep brackets, and entity codes and <br> are decoded', () => {
    expect(onlyNode('A["a [b] (c) {d} #quot;e#quot; #35;1<br>next"]').label).toEqual({
      text: 'a [b] (c) {d} "e" #1\nnext',
      markdown: false,
    })
  })

  it('a markdown string may span lines and is marked markdown', () => {
    expect(onlyNode('A["`**Build**\nand test`"]').label).toEqual({
      text: '**Build**\nand test',
      markdown: true,
    })
  })

  it('class marks after a node are read', () => {
    expect(onlyNode('A[Deploy]:::prod:::big')).toMatchObject({ shape: 'rect', classes: ['prod', 'big'] })
  })

  it('ids may hold letters of any script, digits, and inner dashes and dots', () => {
    expect(onlyNode('Prüfung_2.b-c(x)')).toMatchObject({ id: 'Prüfung_2.b-c', shape: 'round' })
  })
})

describe('links', () => {
  it.each([
    ['A --> B', 'solid', 'arrow', 'none', 1],
    ['A --- B', 'solid', 'none', 'none', 1],
    ['A -.-> B', 'dotted', 'arrow', 'none', 1],
    ['A -.- B', 'dotted', 'none', 'none', 1],
    ['A ==> B', 'thick', 'arrow', 'none', 1],
    ['A === B', 'thick', 'none', 'none', 1],
    ['A --o B', 'solid', 'circle', 'none', 1],
    ['A --x B', 'solid', 'cross', 'none', 1],
    ['A <--> B', 'solid', 'arrow', 'arrow', 1],
    ['A ----> B', 'solid', 'arrow', 'none', 3],
    ['A -..-> B', 'dotted', 'arrow', 'none', 2],
    ['A ~~~ B', 'invisible', 'none', 'none', 1],
    ['A-->B', 'solid', 'arrow', 'none', 1],
  ])('%s is %s, head %s, tail %s, length %d', (line, stroke, head, tail, length) => {
    expect(onlyLink(line)).toMatchObject({ stroke, head, tail, length, label: null })
  })

  it.each([
    ['A -- yes --> B', 'yes', 'solid'],
    ['A -. maybe .-> B', 'maybe', 'dotted'],
    ['A == must ==> B', 'must', 'thick'],
    ['A -->|yes| B', 'yes', 'solid'],
    ['A -.->|"a | b"| B', 'a | b', 'dotted'],
    ['A -- "quoted -- text" --> B', 'quoted -- text', 'solid'],
    ['A---|open text|B', 'open text', 'solid'],
  ])('%s carries the text "%s"', (line, text, stroke) => {
    expect(onlyLink(line)).toMatchObject({ stroke, label: { text } })
  })

  it('a chain links each node to the next', () => {
    const chain = chains(parsed('flowchart LR\n  A --> B -.-> C ==> D').statements)[0]!
    expect(chain.groups.map((group) => group.map((node) => node.id))).toEqual([['A'], ['B'], ['C'], ['D']])
    expect(chain.links.map((link) => link.stroke)).toEqual(['solid', 'dotted', 'thick'])
  })

  it('& groups link every node on one side to every node on the other', () => {
    const chain = chains(parsed('flowchart LR\n  A & B[Bee] --> C & D').statements)[0]!
    expect(chain.groups.map((group) => group.map((node) => node.id))).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ])
    expect(chain.groups[0]![1]!.label?.text).toBe('Bee')
  })
})

describe('subgraphs', () => {
  function subgraphs(text: string): MermaidSubgraphStatement[] {
    return parsed(text).statements.filter((s): s is MermaidSubgraphStatement => s.type === 'subgraph')
  }

  it.each([
    ['subgraph build', 'build', null],
    ['subgraph build [Build and test]', 'build', 'Build and test'],
    ['subgraph build["Build #amp; test"]', 'build', 'Build & test'],
    ['subgraph "Release train"', null, 'Release train'],
    ['subgraph Order handling', null, 'Order handling'],
  ])('%s has id %s and title %s', (head, id, title) => {
    const [subgraph] = subgraphs(`flowchart LR\n  ${head}\n    A --> B\n  end`)
    expect(subgraph).toMatchObject({ id, title: title === null ? null : { text: title } })
    expect(chains(subgraph!.body)).toHaveLength(1)
  })

  it('nest, and may set their own direction', () => {
    const [outer] = subgraphs(
      'flowchart TB\n  subgraph outer\n    direction LR\n    subgraph inner\n      A\n    end\n  end',
    )
    expect(outer!.body.map((statement) => statement.type)).toEqual(['direction', 'subgraph'])
    expect(outer!.body[0]).toMatchObject({ direction: 'LR' })
    expect((outer!.body[1] as MermaidSubgraphStatement).id).toBe('inner')
  })
})

describe('errors name the line, the column and the problem', () => {
  it.each([
    [
      'flowchart LR\n  A --> B\n  B -->',
      "line 3, column 8: expected a node id after '-->', got the end of the line",
    ],
    [
      'flowchart LR\n  A --> B C',
      "line 2, column 11: expected the end of the statement after node 'B', got 'C'",
    ],
    [
      'flowchart LR\n  A[Start --> B',
      "line 2, column 4: the label of node 'A' opened by '[' is not closed with ']' on its line",
    ],
    [
      'flowchart LR\n  A -- text B',
      "line 2, column 5: the link text after '--' is not closed with '-->' or '---'",
    ],
    [
      'flowchart LR\n  A -. text --> B',
      "line 2, column 5: the link text after '-.' is not closed with '.->' or '.-'",
    ],
    ['flowchart LR\n  A -->|text B', "line 2, column 8: the link text opened by '|' is not closed with '|'"],
    ['flowchart LR\n  A & --> B', "line 2, column 7: expected a node id after '&', got '--> B'"],
    [
      'flowchart LR\n  subgraph one\n    A\n',
      "line 2, column 3: subgraph 'one' is not closed: add a line 'end' after its last statement",
    ],
    ['flowchart LR\n  A\nend', "line 3, column 1: 'end' closes no subgraph"],
    ['flowchart LR\n  A --> end', "line 2, column 9: 'end' is a Mermaid keyword and cannot name a node here"],
    [
      'flowchart LR\n  A@{ shape: rect }',
      "line 2, column 3: the '@{ shape: … }' node syntax is not supported",
    ],
    [
      'flowchart LR\n  subgraph\n  end',
      "line 2, column 11: expected a subgraph id or title after 'subgraph'",
    ],
    [
      'flowchart LR\n  direction sideways',
      "line 2, column 13: expected TB, TD, BT, LR or RL after 'direction'",
    ],
    ['flowchart LR\n  --> B', "line 2, column 3: expected a node id or a statement, got '--> B'"],
    ['sequenceDiagram\n  A->>B: hi', 'line 1, column 1: this is a Mermaid sequenceDiagram, not a flowchart'],
    [
      'hello world',
      "line 1, column 1: expected 'flowchart' or 'graph' to start a Mermaid flowchart, got 'hello'",
    ],
    [
      '---\ntitle: x\nflowchart LR',
      "line 1, column 1: the front matter opened by '---' is not closed by a line '---'",
    ],
  ])('%j', (text, expected) => {
    expect(reason(text)).toContain(expected)
  })

  it(`subgraphs nested more than MAX_IMPORT_DEPTH (${MAX_IMPORT_DEPTH}) deep are refused, naming the limit`, () => {
    const depth = MAX_IMPORT_DEPTH + 1
    const text = `flowchart LR\n${'subgraph s\n'.repeat(depth)}A\n${'end\n'.repeat(depth)}`
    expect(reason(text)).toBe(
      `line ${depth + 1}, column 1: subgraphs nest more than ${MAX_IMPORT_DEPTH} deep, the import limit`,
    )
    const allowed = `flowchart LR\n${'subgraph s\n'.repeat(MAX_IMPORT_DEPTH)}A\n${'end\n'.repeat(MAX_IMPORT_DEPTH)}`
    expect(parseMermaidFlowchart(allowed).ok).toBe(true)
  })

  it(`a chart of more than MAX_IMPORT_ELEMENTS (${MAX_IMPORT_ELEMENTS}) elements is refused, naming the limit`, () => {
    const lines = Array.from({ length: MAX_IMPORT_ELEMENTS / 2 + 1 }, (_, i) => `n${i} --> n${i + 1}`)
    expect(reason(`flowchart LR\n${lines.join('\n')}`)).toMatch(
      /^line \d+, column 1: the flowchart has more than 10,000 elements \(nodes, links and subgraphs\), the import limit$/,
    )
  })

  it('an & product that would make more links than the limit is refused before any link is made', () => {
    const side = Array.from({ length: 101 }, (_, i) => `n${i}`).join(' & ')
    expect(reason(`flowchart LR\n${side} --> ${side.replaceAll('n', 'm')}`)).toContain('the import limit')
  })
})

describe('telling Mermaid text from other text', () => {
  it.each([
    ['flowchart LR\n  A --> B', true],
    ['---\ntitle: Release\n---\n%%{init: {}}%%\n%% note\ngraph TD\n  A', true],
    ['sequenceDiagram\n  A->>B: hi', true],
    ['flowcharts are nice', false],
    ['---\ntitle: never closed\n', false],
    ['# A README heading', false],
  ])('%j starts as Mermaid: %s', (text, expected) => {
    expect(startsAsMermaid(text)).toBe(expected)
  })

  it('an import of unnamed text with front matter is read as Mermaid, and another diagram type is refused by name', () => {
    expect(detectImportFormat({ name: '', text: '---\ntitle: Release\n---\nflowchart LR\n  A --> B' })).toBe(
      'mermaid',
    )
    expect(detectImportFormat({ name: '', text: 'classDiagram\n  A <|-- B' })).toBe('mermaid')
  })
})
