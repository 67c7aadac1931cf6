import { describe, expect, it } from 'vitest'
import { detectImportFormat } from './import-format.ts'

describe('the format of pasted or unnamed text', () => {
  it('is Mermaid for a flowchart, after comment lines or front matter (as Flowmap’s own export writes)', () => {
    expect(detectImportFormat({ name: '', text: 'flowchart LR\n  a --> b' })).toBe('mermaid')
    expect(detectImportFormat({ name: '', text: '%% made by hand\ngraph TD\n  a --> b' })).toBe('mermaid')
    expect(
      detectImportFormat({ name: '', text: '---\ntitle: "Order flow"\n---\nflowchart LR\n  a --> b' }),
    ).toBe('mermaid')
    expect(detectImportFormat({ name: '', text: '---\r\ntitle: x\r\n---\r\ngraph LR\r\n  a --> b' })).toBe(
      'mermaid',
    )
  })

  it('is nothing for prose, even prose that mentions a flowchart or sits between rules', () => {
    expect(detectImportFormat({ name: '', text: 'Remember to draw the flowchart' })).toBeNull()
    expect(detectImportFormat({ name: '', text: '---\nnotes\n---\nSome text' })).toBeNull()
  })
})
