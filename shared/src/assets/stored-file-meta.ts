/**
 * What Flowmap keeps in `meta` about files in the asset store, and the checks a write of it must pass
 * on both ends (validate-record.ts runs them after tldraw's own validators):
 *
 * - an image asset record's `meta.variants`: resized copies of the picture for drawing it small, each
 *   `{ w, src }` (its width in pixels, and its own asset path), widths ascending. A variant is an asset
 *   of the same board as the picture itself: whoever may see the picture may see its variants.
 * - an artifact shape's `meta.attachment`: the file (a PDF) the artifact stands for, `{ src, name, size,
 *   mimeType }`; opened from the card, fetched with the board's credentials.
 *
 * Other meta keys are allowed (tools may add some); the ones Flowmap reads must be well formed.
 */
import { T } from '@tldraw/validate'
import { assetOfPath, MAX_ASSET_BYTES } from '../protocol/http-asset-body.ts'
import { describeValidationFailure } from '../schema/validation-failure.ts'
import { ASSET_TYPES, type AssetMimeType } from './asset-type.ts'

/** More halvings than any picture needs: a 25 MB photo halves to ~256 px in five. */
export const MAX_ASSET_VARIANTS = 8

/** Longer than any file system's name (255 bytes), short enough to show. */
export const MAX_ATTACHMENT_NAME_CHARS = 255

/** The stored types that are files to open, not images to draw (PDF). */
export const ATTACHMENT_MIME_TYPES = (Object.keys(ASSET_TYPES) as AssetMimeType[]).filter(
  (type) => ASSET_TYPES[type].kind === 'file',
)
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number]

const assetPathValidator = T.string.check((src) => {
  if (assetOfPath(src) === null || !src.startsWith('/')) {
    throw new Error(`must be an asset path (/api/boards/<board>/assets/<sha-256>), got ${shorten(src)}`)
  }
})

const positiveInteger = T.number.check((value) => {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`must be a positive integer, got ${value}`)
})

export const assetVariantValidator = T.object({ w: positiveInteger, src: assetPathValidator })
export type AssetVariantMeta = T.TypeOf<typeof assetVariantValidator>

export const assetVariantsValidator = T.arrayOf(assetVariantValidator).check((variants) => {
  if (variants.length > MAX_ASSET_VARIANTS) {
    throw new Error(`must list at most ${MAX_ASSET_VARIANTS} variants, got ${variants.length}`)
  }
  for (let index = 1; index < variants.length; index++) {
    if (variants[index]!.w <= variants[index - 1]!.w) {
      throw new Error('must be listed by width, smallest first, each width once')
    }
  }
})

export const attachmentValidator = T.object({
  src: assetPathValidator,
  name: T.string.check((name) => {
    if (name.length === 0) throw new Error('must not be empty')
    if (name.length > MAX_ATTACHMENT_NAME_CHARS) {
      throw new Error(`must be at most ${MAX_ATTACHMENT_NAME_CHARS} characters, got ${name.length}`)
    }
  }),
  size: positiveInteger.check((size) => {
    if (size > MAX_ASSET_BYTES) throw new Error(`must be at most ${MAX_ASSET_BYTES} bytes, got ${size}`)
  }),
  mimeType: T.literalEnum(...ATTACHMENT_MIME_TYPES),
})
export type Attachment = T.TypeOf<typeof attachmentValidator>

const imageMetaValidator = T.object({ variants: assetVariantsValidator.optional() }).allowUnknownProperties()
const artifactMetaValidator = T.object({
  attachment: attachmentValidator.optional(),
}).allowUnknownProperties()

/** A failed check: the dotted field and what is wrong with it ("meta.variants[1].w must be …"). */
export type StoredFileMetaFailure = { field: string; reason: string }

/** The first of these checks a (tldraw-valid) asset or artifact record fails, or null. */
export function storedFileMetaFailure(
  record: Readonly<Record<string, unknown>>,
): StoredFileMetaFailure | null {
  if (record.typeName === 'asset' && record.type === 'image') {
    const failure = metaFailure(imageMetaValidator, record.meta)
    if (failure !== null) return failure
    const variants = (record.meta as { variants?: AssetVariantMeta[] }).variants ?? []
    if (variants.length === 0) return null
    const original = assetOfPath(String((record.props as { src?: unknown }).src ?? ''))
    if (original === null) {
      return { field: 'meta.variants', reason: 'are only for a picture in the asset store (props.src)' }
    }
    const strayed = variants.findIndex((variant) => assetOfPath(variant.src)?.boardId !== original.boardId)
    if (strayed >= 0) {
      return {
        field: `meta.variants[${strayed}].src`,
        reason: 'must be an asset of the same board as props.src',
      }
    }
    return null
  }
  if (record.typeName === 'shape' && record.type === 'artifact') {
    return metaFailure(artifactMetaValidator, record.meta)
  }
  return null
}

/** The variants an asset record lists, or none when it lists none or malformed ones. */
export function variantsOf(asset: { meta?: unknown }): AssetVariantMeta[] {
  const variants = (asset.meta as { variants?: unknown } | undefined)?.variants
  return variants !== undefined && assetVariantsValidator.isValid(variants) ? variants : []
}

/** The file an artifact stands for, or null when it has none (or a malformed one). */
export function attachmentOf(shape: { meta?: unknown }): Attachment | null {
  const attachment = (shape.meta as { attachment?: unknown } | undefined)?.attachment
  return attachment !== undefined && attachmentValidator.isValid(attachment) ? attachment : null
}

function metaFailure(validator: T.Validatable<unknown>, meta: unknown): StoredFileMetaFailure | null {
  try {
    validator.validate(meta)
    return null
  } catch (error) {
    const failure = describeValidationFailure(error)
    return { field: failure.field === '' ? 'meta' : `meta.${failure.field}`, reason: failure.reason }
  }
}

function shorten(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)
}
