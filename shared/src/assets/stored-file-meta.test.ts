import { describe, expect, test } from 'vitest'
import { assetPath, MAX_ASSET_BYTES } from '../protocol/http-asset-body.ts'
import { type RecordValidation, validateRecord } from '../schema/validate-record.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { attachmentOf, MAX_ASSET_VARIANTS, variantsOf } from './stored-file-meta.ts'

const hash = (digit: string) => digit.repeat(64)
const src = assetPath('board-a', hash('a'))

function image(meta: Record<string, unknown>, props: Record<string, unknown> = {}) {
  return {
    id: 'asset:photo',
    typeName: 'asset',
    type: 'image',
    props: {
      w: 2400,
      h: 1600,
      name: 'photo.png',
      isAnimated: false,
      mimeType: 'image/png',
      src,
      fileSize: 1000,
      ...props,
    },
    meta,
  }
}

const variants = [
  { w: 600, src: assetPath('board-a', hash('c')) },
  { w: 1200, src: assetPath('board-a', hash('b')) },
]

function artifact(meta: Record<string, unknown>) {
  return { ...workflowShape('artifact', { id: 'policy' }), meta }
}

const attachment = {
  src: assetPath('board-a', hash('d')),
  name: 'policy.pdf',
  size: 5120,
  mimeType: 'application/pdf',
}

function refusal(result: RecordValidation) {
  if (result.ok) throw new Error(`expected a refusal, got ok for ${JSON.stringify(result.record)}`)
  return result.error
}

describe('an image asset’s resized variants', () => {
  test('a picture with its variants, smallest first, on the same board, is accepted and read back', () => {
    const record = image({ variants })
    expect(validateRecord(record).ok).toBe(true)
    expect(variantsOf(record)).toEqual(variants)
    expect(validateRecord(image({})).ok).toBe(true)
  })

  test('a width that is not a positive integer is refused, naming the field', () => {
    for (const w of [0, -300, 12.5]) {
      const error = refusal(validateRecord(image({ variants: [{ w, src: variants[0]!.src }] })))
      expect(error.field).toBe('meta.variants[0].w')
      expect(error.message).toMatch(/must be a positive integer/)
    }
  })

  test('a source that is not an asset path (a data URL, another site) is refused', () => {
    for (const bad of ['data:image/png;base64,AAAA', 'https://evil.example/x.png', `${src}/../x`]) {
      const error = refusal(validateRecord(image({ variants: [{ w: 600, src: bad }] })))
      expect(error.field).toBe('meta.variants[0].src')
      expect(error.message).toMatch(/must be an asset path/)
    }
  })

  test('variants out of order, too many, or of another board than the picture are refused', () => {
    expect(refusal(validateRecord(image({ variants: [...variants].reverse() }))).message).toMatch(
      /smallest first/,
    )
    const many = Array.from({ length: MAX_ASSET_VARIANTS + 1 }, (_, index) => ({
      w: 100 + index,
      src: assetPath('board-a', hash('e')),
    }))
    expect(refusal(validateRecord(image({ variants: many }))).message).toMatch(/at most 8 variants/)
    const stray = [{ w: 600, src: assetPath('board-b', hash('c')) }]
    const error = refusal(validateRecord(image({ variants: stray })))
    expect(error.field).toBe('meta.variants[0].src')
    expect(error.message).toMatch(/same board as props.src/)
    expect(refusal(validateRecord(image({ variants }, { src: 'data:image/png;base64,AAAA' }))).field).toBe(
      'meta.variants',
    )
  })

  test('a malformed list is read as none, so the picture is drawn from its original', () => {
    expect(variantsOf(image({ variants: [{ w: 'big', src }] }))).toEqual([])
    expect(variantsOf({ meta: {} })).toEqual([])
  })
})

describe('an artifact’s attached file', () => {
  test('an artifact with a PDF attached is accepted and read back; one without stays valid', () => {
    const record = artifact({ attachment })
    expect(validateRecord(record).ok).toBe(true)
    expect(attachmentOf(record)).toEqual(attachment)
    expect(validateRecord(artifact({})).ok).toBe(true)
    expect(attachmentOf(artifact({}))).toBeNull()
  })

  test('a malformed attachment is refused on the field that is wrong', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...attachment, src: 'https://elsewhere.example/policy.pdf' }, 'meta.attachment.src', /asset path/],
      [{ ...attachment, name: '' }, 'meta.attachment.name', /must not be empty/],
      [{ ...attachment, name: 'x'.repeat(300) }, 'meta.attachment.name', /at most 255 characters/],
      [{ ...attachment, size: 0 }, 'meta.attachment.size', /positive integer/],
      [{ ...attachment, size: MAX_ASSET_BYTES + 1 }, 'meta.attachment.size', /at most 26214400 bytes/],
      [
        { ...attachment, mimeType: 'text/html' },
        'meta.attachment.mimeType',
        /must be "application\/pdf", got text\/html/,
      ],
      [{ src: attachment.src, name: 'policy.pdf', size: 5120 }, 'meta.attachment.mimeType', /missing/],
    ]
    for (const [bad, field, reason] of cases) {
      const error = refusal(validateRecord(artifact({ attachment: bad })))
      expect(error.field).toBe(field)
      expect(error.message).toMatch(reason)
      expect(attachmentOf(artifact({ attachment: bad }))).toBeNull()
    }
  })
})
