import { describe, expect, it } from 'vitest'
import { exportFileName } from './export-board.ts'

describe('export file name', () => {
  it('is the board title', () => {
    expect(exportFileName('Order to cash')).toBe('Order to cash')
  })
  it('has no characters a file system refuses', () => {
    expect(exportFileName('Q3: a/b <plan>?')).toBe('Q3 a b plan')
  })
  it('falls back to a name when the title leaves nothing', () => {
    expect(exportFileName('  ')).toBe('Flowmap board')
    expect(exportFileName('..')).toBe('Flowmap board')
  })
})
