/**
 * Files for the asset tests, made where they are dropped: a picture drawn in the page (too large to
 * send through `evaluate` as base64 comfortably), a file of a given size, a minimal real PDF; and the
 * board's asset records and artifacts as the page's store holds them.
 */
import type { Page } from '@playwright/test'
import type { ScreenPoint } from '../board/flowmap-page.ts'

/** What to make in the page: a PNG of 1-px black and white columns, or `size` bytes after a signature. */
export type GeneratedFile =
  | { kind: 'striped-png'; name: string; width: number; height: number }
  | { kind: 'sized'; name: string; type: string; size: number; signature: number[] }

/** Drops a file made in the page onto the point, as a person dragging it from the desktop does. */
export async function dropGeneratedFile(page: Page, at: ScreenPoint, file: GeneratedFile): Promise<void> {
  const outcome = await page.evaluate(
    async ({ at, file }) => {
      let blob: Blob
      if (file.kind === 'striped-png') {
        const canvas = new OffscreenCanvas(file.width, file.height)
        const context = canvas.getContext('2d')!
        context.fillStyle = '#fff'
        context.fillRect(0, 0, file.width, file.height)
        context.fillStyle = '#000'
        for (let x = 0; x < file.width; x += 2) context.fillRect(x, 0, 1, file.height)
        blob = await canvas.convertToBlob({ type: 'image/png' })
      } else {
        const bytes = new Uint8Array(file.size)
        bytes.set(file.signature)
        blob = new Blob([bytes], { type: file.type })
      }
      const target = document.elementFromPoint(at.x, at.y)
      if (!target) return `nothing is under ${at.x},${at.y}`
      const data = new DataTransfer()
      data.items.add(new File([blob], file.name, { type: blob.type }))
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: data,
            bubbles: true,
            cancelable: true,
            clientX: at.x,
            clientY: at.y,
          }),
        )
      }
      return null
    },
    { at, file },
  )
  if (outcome !== null) throw new Error(outcome)
}

/** A minimal valid PDF (one empty page), with a correct cross-reference table. */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(body.length)
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

export interface AssetRecordSummary {
  id: string
  src: string
  w: number
  variants: { w: number; src: string }[]
}

/** The board's asset records with a source (tldraw writes one with an empty src while it uploads). */
export function assetRecords(page: Page): Promise<AssetRecordSummary[]> {
  return page.evaluate(() => {
    type Asset = {
      id: string
      typeName: string
      props?: { src?: string; w?: number }
      meta?: { variants?: [] }
    }
    type Editor = { store: { allRecords(): Asset[] } }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    return (editor?.store.allRecords() ?? [])
      .filter((r) => r.typeName === 'asset' && (r.props?.src ?? '') !== '')
      .map((r) => ({ id: r.id, src: r.props!.src!, w: r.props!.w ?? 0, variants: r.meta?.variants ?? [] }))
  })
}

/** How many shapes are on the current page. */
export function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Editor = { getCurrentPageShapeIds(): Set<string> }
    return (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.getCurrentPageShapeIds()
      .size
  })
}
