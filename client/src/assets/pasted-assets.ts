/**
 * Content copied from another board and pasted (or dropped) here must not point at that board's
 * files: the people of this board may not read it. Before tldraw writes the pasted records:
 *
 * 1. An image's `meta.variants` are dropped: they are the other board's assets. tldraw uploads a pasted
 *    picture again (its copy carries the picture as a data URL), through this board's `upload`, which
 *    makes this board's own variants.
 * 2. An image whose src is still another board's asset path is given its bytes as a data URL (from this
 *    device's copy, or fetched when the server lets this page), so tldraw uploads it here the same way.
 * 3. An artifact's attached file on another board is stored again under this board and the card's
 *    `meta.attachment.src` rewritten.
 * A file whose bytes cannot be had is said so, in a sentence; the picture or card is pasted still.
 */
import { assetOfPath, attachmentOf } from '@flowmap/shared'
import { FileHelpers, type TLContent } from 'tldraw'
import type { BoardAssetStore } from './board-asset-store.ts'

export interface RehomedContent {
  content: TLContent
  /** Files that could not be copied here, one sentence each. */
  problems: string[]
}

export async function rehomePastedContent(
  content: TLContent,
  store: BoardAssetStore,
): Promise<RehomedContent> {
  const problems: string[] = []
  const elsewhere = (src: unknown): boolean => {
    const stored = typeof src === 'string' ? assetOfPath(src) : null
    return stored !== null && stored.boardId !== store.boardId
  }

  const assets = await Promise.all(
    content.assets.map(async (asset) => {
      if (asset.type !== 'image') return asset
      const { variants: _theirs, ...meta } = asset.meta as Record<string, unknown>
      const copy = structuredClone({ ...asset, meta }) as typeof asset
      if (elsewhere(copy.props.src)) {
        const blob = await store.fileBlob(copy.props.src!, { patient: false })
        if (blob === null) problems.push(notCopied(copy.props.name || 'A picture'))
        else copy.props.src = await FileHelpers.blobToDataUrl(blob)
      }
      return copy
    }),
  )

  const shapes = await Promise.all(
    content.shapes.map(async (shape) => {
      const attachment = shape.type === 'artifact' ? attachmentOf(shape) : null
      if (attachment === null || !elsewhere(attachment.src)) return shape
      const blob = await store.fileBlob(attachment.src, { patient: false })
      const kept =
        blob === null
          ? null
          : await store.storeFile(new File([blob], attachment.name, { type: attachment.mimeType }))
      if (kept === null || !kept.ok) {
        problems.push(notCopied(attachment.name))
        const { attachment: _gone, ...meta } = shape.meta as Record<string, unknown>
        return { ...shape, meta }
      }
      return { ...shape, meta: { ...shape.meta, attachment: { ...attachment, src: kept.file.src } } }
    }),
  )

  return { content: { ...content, assets, shapes: shapes as TLContent['shapes'] }, problems }
}

function notCopied(name: string): string {
  return `${name} could not be copied to this board: its file belongs to another board, is not on this device, and that board did not give it to this page.`
}
