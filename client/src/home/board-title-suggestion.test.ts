import { describe, expect, it } from 'vitest'
import { suggestBoardTitle } from './board-title-suggestion.ts'

describe('the suggested name of a new board', () => {
  it('numbers after the untitled boards already listed', () => {
    expect(suggestBoardTitle([])).toBe('Untitled board')
    expect(suggestBoardTitle(['Hiring'])).toBe('Untitled board')
    expect(suggestBoardTitle(['Untitled board', 'Hiring'])).toBe('Untitled board 2')
    expect(suggestBoardTitle(['', 'Untitled board 2'])).toBe('Untitled board 3')
    expect(suggestBoardTitle(['Untitled board 7'])).toBe('Untitled board 8')
  })

  it('is never a title already listed, over every list of up to three of these titles', () => {
    const titles = [
      '',
      ' ',
      'Hiring',
      'Untitled board',
      'Untitled board 1',
      'Untitled board 2',
      'Untitled board 9',
    ]
    const lists: string[][] = [[]]
    for (let size = 0; size < 3; size++) {
      for (const list of [...lists]) for (const title of titles) lists.push([...list, title])
    }
    for (const list of lists) {
      expect(list.map((title) => title.trim() || 'Untitled board')).not.toContain(suggestBoardTitle(list))
    }
  })
})
