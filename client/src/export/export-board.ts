/**
 * PNG and SVG of the board or of the selection, through tldraw's own export (the workflow shapes
 * render themselves for it, owners and lane roles included), saved under the board's title.
 */
import { type Editor, exportAs, type TLShapeId } from 'tldraw'

export type ExportFormat = 'png' | 'svg'

/** Page units of margin around the exported shapes (tldraw's default export padding). */
export const EXPORT_PADDING = 32
/** Device pixels per page unit in a PNG: sharp on high-density screens and in slides. */
export const PNG_PIXEL_RATIO = 2

export type ExportOutcome = { ok: true; shapeCount: number } | { ok: false; message: string }

/** Characters file systems refuse, and names that are nothing but dots or spaces, made safe. */
export function exportFileName(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  return cleaned.replace(/^\.+$/, '') || 'Flowmap board'
}

/** The shapes an export covers: the selection when there is one, else every shape on the page. */
export function shapesToExport(editor: Editor): TLShapeId[] {
  const selected = editor.getSelectedShapeIds()
  return selected.length > 0 ? [...selected] : [...editor.getCurrentPageShapeIds()]
}

export async function exportBoard(
  editor: Editor,
  format: ExportFormat,
  title: string,
): Promise<ExportOutcome> {
  const ids = shapesToExport(editor)
  if (ids.length === 0) return { ok: false, message: 'The board is empty: there is nothing to export yet.' }
  try {
    await exportAs(editor, ids, {
      format,
      name: exportFileName(title),
      padding: EXPORT_PADDING,
      scale: 1,
      pixelRatio: format === 'png' ? PNG_PIXEL_RATIO : undefined,
      background: true,
    })
    return { ok: true, shapeCount: ids.length }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The ${format.toUpperCase()} export failed: ${reason}` }
  }
}
