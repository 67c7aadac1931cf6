import { expect, it } from 'vitest'
import { byteSizeSentence, moveInlineSentence, readMoveInlineBody } from './http-move-inline-body.ts'

it('reads the move report, a field a newer server added included, and names a malformed one', () => {
  const body = { moved: 2, bytes: 4096, skipped: [{ assetId: 'asset:x', reason: 'not an image' }], took: 3 }
  expect(readMoveInlineBody(body)).toEqual({ ok: true, body })
  const bad = readMoveInlineBody({ moved: -1, bytes: 0, skipped: [] })
  expect(bad.ok).toBe(false)
  expect(!bad.ok && bad.reason).toMatch(
    /^the moved images \(POST \/api\/boards\/:id\/assets\/move-inline\) is malformed: .*moved/,
  )
  expect(readMoveInlineBody([])).toEqual({
    ok: false,
    reason: 'the moved images (POST /api/boards/:id/assets/move-inline) is not a JSON object',
  })
})

it('says what was moved, in bytes a person reads, and what was left inline', () => {
  expect(moveInlineSentence({ moved: 3, bytes: 4.2 * 1024 * 1024, skipped: [] })).toBe(
    'Moved 3 images (4.2 MB) to the asset store',
  )
  expect(moveInlineSentence({ moved: 1, bytes: 37 * 1024, skipped: [] })).toBe(
    'Moved 1 image (37 KB) to the asset store',
  )
  expect(moveInlineSentence({ moved: 0, bytes: 0, skipped: [] })).toBe('No inline images on this board')
  expect(
    moveInlineSentence({
      moved: 0,
      bytes: 0,
      skipped: [{ assetId: 'asset:j', reason: 'its bytes are text' }],
    }),
  ).toBe('No image was moved to the asset store; 1 image left inline (asset:j: its bytes are text)')
  expect(byteSizeSentence(812)).toBe('812 bytes')
  expect(byteSizeSentence(1)).toBe('1 byte')
})
