/**
 * Issue 12, points 6 and 9: replay looks like the rest of the app (opens fitted to the map, the licence
 * badge never covers its timeline) and dark mode reaches the app's chrome and the workflow cards.
 */
import type { Role, writeRecords } from '@flowmap/shared'
import { documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Page, TestInfo } from '@playwright/test'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { openBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

type Box = { x: number; y: number; width: number; height: number }

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }

/** Steps spread far beyond one screen at 100 %: from (-2400, -1600) to (4200, 2800). */
function spreadMap(): Parameters<typeof writeRecords>[1] {
  const corners = [
    [-2400, -1600],
    [4200, -1600],
    [-2400, 2800],
    [4200, 2800],
    [900, 600],
    [300, -900],
  ] as const
  return [
    documentRecord(),
    pageRecord(),
    ...corners.map(([x, y], index) =>
      workflowShape('step', {
        id: `far${index}`,
        x,
        y,
        props: { label: `Step ${index + 1}`, owner: ana.id },
      }),
    ),
  ]
}

async function openReplay(page: Page): Promise<void> {
  await page.getByTestId('replay.open').click()
  await expect(page.getByTestId('replay.scrubber')).toBeVisible({ timeout: 30_000 })
}

test.use({ viewport: { width: 1280, height: 800 } })

test('replay opens fitted to the map', async ({ page, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Spread map',
    records: spreadMap(),
    roles: [ana],
    batchSize: 3,
  })
  await openBoard(page, boardId)
  await openReplay(page)

  // Every shape's page bounds, in screen pixels, lie inside the replay canvas.
  const canvas = (await page.getByTestId('replay.canvas').boundingBox()) as Box
  const offScreen = async () => {
    const shapes = await page.evaluate(() => {
      type Bounds = { minX: number; minY: number; maxX: number; maxY: number }
      type Editor = {
        getCurrentPageShapes(): { id: string }[]
        getShapePageBounds(id: string): Bounds | undefined
        pageToScreen(point: { x: number; y: number }): { x: number; y: number }
      }
      const editor = (window as unknown as { __flowmapReplay?: { editor: Editor | null } }).__flowmapReplay
        ?.editor
      if (!editor) return []
      return editor.getCurrentPageShapes().map((shape) => {
        const bounds = editor.getShapePageBounds(shape.id) as Bounds
        const topLeft = editor.pageToScreen({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToScreen({ x: bounds.maxX, y: bounds.maxY })
        return { id: shape.id, left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y }
      })
    })
    return {
      shapes: shapes.length,
      offScreen: shapes
        .filter(
          (shape) =>
            shape.left < canvas.x ||
            shape.top < canvas.y ||
            shape.right > canvas.x + canvas.width ||
            shape.bottom > canvas.y + canvas.height,
        )
        .map((shape) => shape.id),
    }
  }
  await expect
    .poll(offScreen, {
      timeout: 15_000,
      message: 'every shape of the replayed map is inside the replay canvas',
    })
    .toEqual({ shapes: 6, offScreen: [] })
  await screenshot(page, testInfo, 'replay-fitted')
})

test('the licence badge does not cover the timeline', async ({ page, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Badge',
    records: spreadMap(),
    roles: [ana],
    batchSize: 2,
  })
  await openBoard(page, boardId)
  await openReplay(page)
  const timeline = page.getByRole('region', { name: 'Replay timeline' })
  const timelineBox = (await timeline.boundingBox()) as Box
  const badges = page.getByTestId('replay').locator('.tl-watermark_SEE-LICENSE')
  // The badge stays (no licence key on http), and must be fully visible beside the timeline.
  await expect(badges.first()).toBeVisible({ timeout: 15_000 })
  for (const badge of await badges.all()) {
    const badgeBox = (await badge.boundingBox()) as Box
    expect(
      intersects(badgeBox, timelineBox),
      `badge ${JSON.stringify(badgeBox)} vs timeline ${JSON.stringify(timelineBox)}`,
    ).toBe(false)
    // And nothing of replay (change outlines, labels) is painted over it.
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('.tl-watermark_SEE-LICENSE') !== null,
      { x: badgeBox.x + badgeBox.width / 2, y: badgeBox.y + badgeBox.height / 2 },
    )
    expect(onTop, 'the licence badge is the topmost element at its centre').toBe(true)
  }
  // Nor does anything else cover the controls: the element at each control's centre is the control.
  for (const testId of ['replay.play', 'replay.next', 'replay.previous', 'replay.speed', 'replay.position']) {
    const control = page.getByTestId(testId)
    const box = (await control.boundingBox()) as Box
    const hit = await page.evaluate(
      ({ x, y, testId }) => document.elementFromPoint(x, y)?.closest(`[data-testid="${testId}"]`) !== null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2, testId },
    )
    expect(hit, `${testId} is not covered`).toBe(true)
  }
  await screenshot(page, testInfo, 'replay-badge')
})

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`look-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`look: ${name}`, { path, contentType: 'image/png' })
}
