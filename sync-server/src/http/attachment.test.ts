import { describe, expect, it } from 'vitest'
import { attachment, downloadName } from './attachment.ts'

describe('download names', () => {
  it('a title becomes a file name without path separators or control characters', () => {
    expect(downloadName('Q3 / hiring: "fast"\n', 'b1', '.mmd')).toBe('Q3 _ hiring_ _fast_.mmd')
  })

  it('an empty or blank title falls back to the board id', () => {
    expect(downloadName('  \t', 'board-7', '.mmd')).toBe('board-7.mmd')
  })

  it('the header carries an ASCII name and the UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(attachment("Prüfung (Q3)'s.mmd")).toBe(
      `attachment; filename="Pr_fung (Q3)'s.mmd"; filename*=UTF-8''Pr%C3%BCfung%20%28Q3%29%27s.mmd`,
    )
  })
})
