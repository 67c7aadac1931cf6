/**
 * A file that is not a picture (a PDF) dropped or pasted on the board becomes an artifact: a document
 * card labelled with the file's name whose `meta.attachment` names the stored file. Opening it fetches
 * the bytes with the board's credentials (or takes this device's copy, offline) and hands them to the
 * browser as a download under the file's name.
 */
import { type Attachment, MAX_LABEL_CHARS } from '@flowmap/shared'
import { createShapeId, type Editor, type TLShapeId, type VecLike } from 'tldraw'
import type { BoardAssetStore, StoredFile } from './board-asset-store.ts'

const CARD = { w: 170, h: 100 }
const GAP = 24

/** Puts one artifact card per file, side by side and centred on `point`; selects them. */
export function placeAttachmentArtifacts(
  editor: Editor,
  files: readonly StoredFile[],
  point: VecLike,
): TLShapeId[] {
  const total = files.length * CARD.w + (files.length - 1) * GAP
  const ids: TLShapeId[] = []
  editor.run(() => {
    files.forEach((file, index) => {
      const id = createShapeId()
      const attachment: Attachment = {
        src: file.src,
        name: file.name,
        size: file.size,
        mimeType: file.mimeType as Attachment['mimeType'],
      }
      editor.createShape({
        id,
        type: 'artifact',
        x: point.x - total / 2 + index * (CARD.w + GAP),
        y: point.y - CARD.h / 2,
        props: { ...CARD, kind: 'document', label: file.name.slice(0, MAX_LABEL_CHARS) },
        meta: { attachment },
      })
      if (editor.getShape(id)) ids.push(id)
    })
    editor.select(...ids)
  })
  return ids
}

/** Opens an artifact's file: a download under its name. Resolves to a sentence when it cannot. */
export async function openAttachment(store: BoardAssetStore, attachment: Attachment): Promise<string | null> {
  const blob = await store.fileBlob(attachment.src)
  if (blob === null) {
    return `${attachment.name} could not be opened: it is not on this device and the server does not have it (yet?).`
  }
  const url = URL.createObjectURL(new Blob([blob], { type: attachment.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = attachment.name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken its copy once the click is handled; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return null
}
