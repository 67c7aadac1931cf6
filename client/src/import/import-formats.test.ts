import { describe, expect, it } from 'vitest'
import { acceptFor, isImportFileName, titleFromFileName } from './import-formats.ts'

describe('the import file names', () => {
  it('offers each format’s suffixes in its file picker', () => {
    expect(acceptFor('bpmn')).toBe('.bpmn20.xml,.bpmn2,.bpmn,.xml')
    expect(acceptFor('mermaid')).toBe('.mmd,.mermaid')
    expect(acceptFor('json')).toBe('.json')
  })

  it('takes the files the issue names, in any case, and no others', () => {
    for (const name of ['a.bpmn', 'a.BPMN2', 'a.bpmn20.xml', 'a.xml', 'flow.mmd', 'board.json'])
      expect(isImportFileName(name)).toBe(true)
    for (const name of ['photo.png', 'notes.txt', 'bpmn']) expect(isImportFileName(name)).toBe(false)
  })

  it('titles a board by the file name without its import suffix', () => {
    expect(titleFromFileName('Order to cash.bpmn20.xml')).toBe('Order to cash')
    expect(titleFromFileName('flow.MMD')).toBe('flow')
    expect(titleFromFileName('.json')).toBe('')
  })
})
