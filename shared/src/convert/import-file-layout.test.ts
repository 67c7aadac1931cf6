import { describe, expect, it, vi } from 'vitest'
import { draftEdge, draftNode, emptyReport, flowDraft } from '../testing/flow-drafts.ts'
import { importBoardFile } from './import-file.ts'

// The Mermaid reader stands in for any reader of a format without geometry: what is under test is
// what the one import entry does with the draft it returns.
vi.mock('./mermaid/import-mermaid.ts', () => ({
  mermaidToDraft: () => ({
    ok: true,
    draft: flowDraft({
      nodes: [draftNode('a'), draftNode('b')],
      edges: [draftEdge('ab', 'a', 'b')],
      report: { ...emptyReport('mermaid'), elementCount: 3, notices: ['the reader’s own notice'] },
    }),
  }),
}))

describe('importBoardFile with a draft', () => {
  it('lays the draft out and adds the layout notice after the reader’s own', async () => {
    const result = await importBoardFile({ name: 'flow.mmd', text: 'flowchart LR\n a --> b' })
    if (!result.ok) throw new Error(result.reason)
    expect(result.report.notices).toEqual([
      'the reader’s own notice',
      '2 elements had no diagram layout and were laid out automatically',
    ])
    expect(result.content.records.filter((r) => r.typeName === 'shape')).toHaveLength(3)
  })
})
