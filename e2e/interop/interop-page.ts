import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, type Page } from '@playwright/test'
import type { ScreenPoint, ShapeSummary } from '../board/flowmap-page.ts'

/** A file the specs drop or pick, from `e2e/interop/fixtures/`; a binary one (an image) as base64. */
export type FixtureFile = {
  readonly name: string
  readonly text: string
  readonly type: string
  readonly base64?: string
}

export function fixtureFile(name: string, type = 'application/octet-stream'): FixtureFile {
  const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
  return { name, text: readFileSync(path, 'utf8'), type }
}

/**
 * Drops files at a point of the page as a person dragging them from the desktop does: dragenter,
 * dragover and drop on the element under the point, each carrying a DataTransfer with the files.
 */
export async function dropFiles(page: Page, at: ScreenPoint, files: readonly FixtureFile[]): Promise<void> {
  const outcome = await page.evaluate(
    ({ at, files }) => {
      const target = document.elementFromPoint(at.x, at.y)
      if (!target) return `nothing is under ${at.x},${at.y}`
      const data = new DataTransfer()
      for (const file of files) {
        const bytes =
          file.base64 === undefined
            ? file.text
            : Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
        data.items.add(new File([bytes], file.name, { type: file.type }))
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: data,
            bubbles: true,
            cancelable: true,
            composed: true,
            clientX: at.x,
            clientY: at.y,
          }),
        )
      }
      return null
    },
    { at, files },
  )
  if (outcome !== null) throw new Error(outcome)
}

/** Pastes plain text onto the page as Ctrl+V from another app does (tldraw reads the paste event). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

export type PageBox = { x: number; y: number; w: number; h: number }

/** Every shape's page bounds, by id. */
export function pageBoundsOf(page: Page): Promise<Record<string, PageBox>> {
  return page.evaluate(() => {
    type Editor = {
      getCurrentPageShapes(): { id: string }[]
      getShapePageBounds(id: string): PageBox | undefined
    }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    const boxes: Record<string, PageBox> = {}
    for (const shape of editor?.getCurrentPageShapes() ?? []) {
      const box = editor?.getShapePageBounds(shape.id)
      if (box) boxes[shape.id] = { x: box.x, y: box.y, w: box.w, h: box.h }
    }
    return boxes
  })
}

/** Screen → page through the editor's camera. */
export function screenToPage(page: Page, point: ScreenPoint): Promise<ScreenPoint> {
  return page.evaluate((point) => {
    type Editor = { screenToPage(point: ScreenPoint): ScreenPoint }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    const { x, y } = editor?.screenToPage(point) ?? { x: Number.NaN, y: Number.NaN }
    return { x, y }
  }, point)
}

export function overlaps(a: PageBox, b: PageBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

export function inside(inner: PageBox, outer: PageBox): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.w <= outer.x + outer.w + 0.5 &&
    inner.y + inner.h <= outer.y + outer.h + 0.5
  )
}

/** The bounding box of some boxes. */
export function unionOf(boxes: readonly PageBox[]): PageBox {
  const minX = Math.min(...boxes.map((b) => b.x))
  const minY = Math.min(...boxes.map((b) => b.y))
  const maxX = Math.max(...boxes.map((b) => b.x + b.w))
  const maxY = Math.max(...boxes.map((b) => b.y + b.h))
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}

export const FLOW_NODE_TYPES = ['step', 'decision', 'event', 'artifact']

export function flowNodes(shapes: readonly ShapeSummary[]): ShapeSummary[] {
  return shapes.filter((shape) => FLOW_NODE_TYPES.includes(shape.type))
}

/** A card's text: a decision holds it as its question, the others as their label. */
export function labelOf(shape: ShapeSummary): unknown {
  return shape.type === 'decision' ? shape.props.question : shape.props.label
}

/** The board's history on the server, oldest first (who made each entry). */
export async function historyEntries(
  page: Page,
  boardId: string,
): Promise<{ seq: number; userId: string | null }[]> {
  const response = await page.request.get(`/api/boards/${boardId}/history?after=0&limit=1000`)
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { entries: { seq: number; userId: string | null }[] }).entries
}
