import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeMermaidText, encodeMermaidText, quoteMermaidText } from './mermaid-text.ts'

const readBack = (label: string) =>
  decodeMermaidText({ raw: encodeMermaidText(label), quoting: 'string' }).text

describe('label text', () => {
  it.each([
    ['say "hi"', 'say #34;hi#34;'],
    ['#1 <b> | 50%', '#35;1 #60;b#62; #124; 50#37;'],
    ['two\nlines', 'two<br>lines'],
    [' padded ', '#32;padded#32;'],
    ['`code`', '#96;code#96;'],
    ['', ' '],
  ])('%j is written %j', (label, written) => {
    expect(encodeMermaidText(label)).toBe(written)
  })

  it('brackets, braces, parentheses and semicolons stay as they are inside a string', () => {
    expect(quoteMermaidText('a [b] (c) {d}; e')).toBe('"a [b] (c) {d}; e"')
  })

  it('decoding trims, turns <br> variants into line breaks and keeps unknown codes', () => {
    expect(
      decodeMermaidText({ raw: '  a<br/>b<BR />c #wat; #quot;q#quot; #9829; ', quoting: 'none' }).text,
    ).toBe('a\nb\nc #wat; "q" ♥')
  })

  it('every label reads back exactly as it was written, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (label) => {
        expect(readBack(label)).toBe(label)
      }),
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (label) => {
        expect(readBack(label)).toBe(label)
      }),
    )
  })
})
