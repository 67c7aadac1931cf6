import { expect, type Page } from '@playwright/test'

/**
 * Reading a board page through `window.__flowmap` (docs/architecture.md, contracts), for assertions only: the specs draw
 * through the UI. Functions passed to page.evaluate run in the browser and cannot close over anything
 * here, so each reaches the hook itself.
 */

export interface ShapeSummary {
  id: string
  type: string
  x: number
  y: number
  parentId: string
  props: Record<string, unknown>
  meta: Record<string, unknown>
}

export interface ScreenPoint {
  x: number
  y: number
}

const BOARD_PATH = /\/b\/([A-Za-z0-9_-]+)/

/**
 * Waits until the editor and the doc are on the hook and, unless told otherwise, the chip says online.
 * When the page never gets there, says which part of the contract is missing rather than just "timeout".
 */
export async function waitForBoard(page: Page, options: { online?: boolean } = {}): Promise<void> {
  const ready = await page
    .waitForFunction(
      () => {
        const hook = (window as unknown as { __flowmap?: { editor?: unknown; doc?: unknown } }).__flowmap
        return Boolean(hook?.editor && hook?.doc)
      },
      undefined,
      { timeout: 30_000 },
    )
    .then(() => true)
    .catch(() => false)
  if (!ready) {
    const present = await page.evaluate(() => {
      const hook = (window as unknown as { __flowmap?: Record<string, unknown> }).__flowmap
      return hook ? Object.keys(hook).filter((key) => hook[key] != null) : null
    })
    throw new Error(
      present === null
        ? `${page.url()}: window.__flowmap is not set (client/src/app/test-hook.ts: the UI sets editor, the sync layer the rest)`
        : `${page.url()}: window.__flowmap has only [${present.join(', ')}]; the specs need editor (UI) and doc (sync)`,
    )
  }
  if (options.online ?? true) {
    await expect(
      page.getByTestId('connection-status'),
      'the connection chip (data-testid connection-status) says online',
    ).toHaveAttribute('data-state', 'online', { timeout: 30_000 })
  }
}

/** `/new` creates a board and navigates to it (`/` is the home page); returns its id. */
export async function openNewBoard(page: Page): Promise<string> {
  await page.goto('/new')
  await page.waitForURL(BOARD_PATH, { timeout: 30_000 })
  await waitForBoard(page)
  return boardIdOf(page)
}

export async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`/b/${boardId}`)
  await waitForBoard(page)
}

export function boardIdOf(page: Page): string {
  const match = BOARD_PATH.exec(new URL(page.url()).pathname)
  if (!match?.[1]) throw new Error(`not on a board page: ${page.url()}`)
  return match[1]
}

/** The shapes on the current page, sorted by id, as plain JSON. */
export function shapesOf(page: Page): Promise<ShapeSummary[]> {
  // Types are erased before the function reaches the browser, so ShapeSummary may describe its shapes.
  return page.evaluate(() => {
    const hook = (
      window as unknown as { __flowmap?: { editor?: { getCurrentPageShapes(): ShapeSummary[] } } }
    ).__flowmap
    const shapes = hook?.editor?.getCurrentPageShapes() ?? []
    return shapes
      .map(({ id, type, x, y, parentId, props, meta }) => ({ id, type, x, y, parentId, props, meta }))
      .sort((a, b) => a.id.localeCompare(b.id))
  })
}

export async function shapesOfType(page: Page, type: string): Promise<ShapeSummary[]> {
  return (await shapesOf(page)).filter((shape) => shape.type === type)
}

/**
 * Every document-scoped record (shapes, bindings, pages, the document), sorted: two pages show the same
 * board exactly when these are equal. Session records (camera, selection) differ by design.
 */
export function documentRecords(page: Page): Promise<unknown[]> {
  return page.evaluate(() => {
    type Editor = { store: { serialize(scope: 'document'): Record<string, unknown> } }
    const hook = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap
    const records = hook?.editor?.store.serialize('document') ?? {}
    // tldraw's `user` record is this browser's own (its preferences); the binding never syncs it.
    return Object.keys(records)
      .sort()
      .map((id) => records[id] as { typeName?: string })
      .filter((record) => record.typeName !== 'user')
  })
}

/** Where a shape's centre is on screen now (page → screen through the editor's camera). */
export function screenCenterOf(page: Page, shapeId: string): Promise<ScreenPoint> {
  return screenPointIn(page, shapeId, 0.5, 0.5)
}

/**
 * A point inside a shape's page bounds (fractions of its width and height), on screen now. Grabbing a step
 * away from its centre keeps the pointer off the flows bound there and their handles.
 */
export async function screenPointIn(
  page: Page,
  shapeId: string,
  fx: number,
  fy: number,
): Promise<ScreenPoint> {
  const point = await page.evaluate(
    ({ id, fx, fy }) => {
      type Box = { x: number; y: number; w: number; h: number }
      type Editor = {
        getShapePageBounds(id: string): Box | undefined
        pageToScreen(point: { x: number; y: number }): { x: number; y: number }
      }
      const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
      const bounds = editor?.getShapePageBounds(id)
      return bounds && editor
        ? editor.pageToScreen({ x: bounds.x + bounds.w * fx, y: bounds.y + bounds.h * fy })
        : null
    },
    { id: shapeId, fx, fy },
  )
  if (!point) throw new Error(`shape ${shapeId} is not on the page`)
  return point
}

/** A point inside the canvas, as fractions of its width and height. */
export async function canvasPoint(page: Page, fx: number, fy: number): Promise<ScreenPoint> {
  const box = await page.locator('.tl-canvas').boundingBox()
  if (!box) throw new Error('the tldraw canvas is not visible')
  return { x: box.x + box.width * fx, y: box.y + box.height * fy }
}

/** A pointer drag in small steps, as a hand would (tldraw needs moves between down and up). */
export async function drag(page: Page, from: ScreenPoint, to: ScreenPoint): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
}

/** Calls one of the sync layer's test hooks, failing with what is missing when the page lacks it. */
async function callHook(page: Page, name: 'dropSocket' | 'forceRawUpdate', bytes?: number[]): Promise<void> {
  const outcome = await page.evaluate(
    ({ name, bytes }) => {
      const hook = (window as unknown as { __flowmap?: Record<string, unknown> }).__flowmap
      const fn = hook?.[name]
      if (typeof fn !== 'function')
        return `window.__flowmap.${name} is not a function (client/src/sync/sync-test-hook.ts sets it)`
      fn.call(hook, bytes ? new Uint8Array(bytes) : undefined)
      return null
    },
    { name, bytes },
  )
  if (outcome !== null) throw new Error(outcome)
}

/** Closes the page's socket as a network drop would (setOffline alone leaves open WebSockets up). */
export function dropSocket(page: Page): Promise<void> {
  return callHook(page, 'dropSocket')
}

/** Sends raw Yjs update bytes to the server as if the page had made them, skipping the page's own checks. */
export function forceRawUpdate(page: Page, update: Uint8Array): Promise<void> {
  return callHook(page, 'forceRawUpdate', Array.from(update))
}

/**
 * Waits until a service worker controls the page, so a reload with no network is served from its cache.
 * The first visit is not controlled until the worker claims it; a reload (online) settles that.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  const hasWorker = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))
    return (await Promise.race([navigator.serviceWorker.ready, timeout])) !== null
  })
  if (!hasWorker)
    throw new Error('no service worker became ready within 15 s: a reload with no network cannot work')
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null)
  if (await controlled()) return
  await page.reload()
  await waitForBoard(page)
  if (!(await controlled()))
    throw new Error('the service worker is ready but does not control the page after a reload')
}

export function clickAt(page: Page, point: ScreenPoint): Promise<void> {
  return page.mouse.click(point.x, point.y)
}

export function doubleClickAt(page: Page, point: ScreenPoint): Promise<void> {
  return page.mouse.dblclick(point.x, point.y)
}

/**
 * Opens a facilitator's Workshop menu in the header (lock the board, limit the tools, private mode, a
 * vote, save as template), unless it is open already.
 */
export async function openWorkshopMenu(page: Page): Promise<void> {
  const button = page.getByTestId('workshop-menu')
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
  await expect(page.getByTestId('workshop-panel')).toBeVisible()
}

/**
 * The centre of what this page shows, in page coordinates, once the input it was given has been handled:
 * tldraw queues wheel and pointer-move events until its next tick, so a camera read straight after
 * `mouse.wheel` can miss the last pan. Two animation frames let that tick run first.
 */
export function viewportCentre(page: Page): Promise<ScreenPoint> {
  return page.evaluate(async () => {
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)))
    type Editor = { getViewportPageBounds(): { center: { x: number; y: number } } }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    const { x, y } = editor?.getViewportPageBounds().center ?? { x: Number.NaN, y: Number.NaN }
    return { x, y }
  })
}

/**
 * Waits two animation frames in the page: tldraw's store tells its listeners (the doc binding among
 * them) of a change on the next frame, so an edit made just now is in the doc, and counted as unsent,
 * only after that. Checking "nothing left to send" before it can pass on an edit not yet written.
 */
export function storeFlushed(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  )
}

/** The id this browser's person has in the history (local mode): `local:<flowmap.identity id>`. */
export async function historyUserIdOf(page: Page): Promise<string> {
  const id = await page.evaluate(() => JSON.parse(window.localStorage.getItem('flowmap.identity') ?? '{}').id)
  if (typeof id !== 'string') throw new Error('this browser has no person yet (flowmap.identity)')
  return `local:${id}`
}

/** Every change this page made is acknowledged by the server (and so in the history), as the status chip says it. */
export async function allSaved(page: Page): Promise<void> {
  await storeFlushed(page)
  const chip = page.getByTestId('connection-status')
  await expect(chip).toHaveAttribute('data-state', 'online', { timeout: 30_000 })
  await expect(chip).toHaveAttribute('data-unsynced', '0', { timeout: 30_000 })
}

/** Waits until the provider has nothing left to send: every edit made so far has reached the server. */
/** `timeout`: how long the provider may take to hand everything over (a multi-megabyte import takes longer). */
export async function allSent(page: Page, timeout = 30_000): Promise<void> {
  await storeFlushed(page)
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            (window as unknown as { __flowmap: { provider?: { hasUnsyncedChanges: boolean } } }).__flowmap
              .provider?.hasUnsyncedChanges === false,
        ),
      { timeout },
    )
    .toBe(true)
}
