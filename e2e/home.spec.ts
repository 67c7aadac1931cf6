import { workflowShape } from '@flowmap/shared/testing'
import { seedBoard } from '../sync-server/src/testing/seed-board.ts'
import { openBoard, waitForBoard } from './board/flowmap-page.ts'
import { expect, test, WITH_SERVICE_WORKER } from './fixtures/test.ts'

test.use(WITH_SERVICE_WORKER)

test('the home page lists a board created offline, and the server boards once back online', async ({
  page,
  context,
  server,
}) => {
  const serverBoardId = await seedBoard(server.url, {
    title: 'Already on the server',
    records: [
      workflowShape('lane', { id: 'lane', x: 0, y: 0, props: { w: 900, h: 220 } }),
      workflowShape('step', { id: 'a', parentId: 'shape:lane', x: 200, y: 60 }),
      workflowShape('step', { id: 'b', parentId: 'shape:lane', x: 500, y: 60 }),
    ],
  })

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Your boards' })).toBeVisible()

  // Offline: the app is loaded; a new board gets a local id and opens from the device.
  await context.setOffline(true)
  await page.getByTestId('home-create').click()
  // No title typed: the name prompt offers "Untitled board"; Create takes it.
  await expect(page.getByTestId('home-new-name')).toHaveValue('Untitled board')
  await page.getByTestId('home-new-dialog-confirm').click()
  await page.waitForURL(/\/b\//)
  await waitForBoard(page, { online: false })
  const localId = new URL(page.url()).pathname.split('/').pop()!
  const title = page.getByRole('textbox', { name: 'Board title' })
  await title.fill('Planned on the train')
  await title.press('Enter')

  // Back to the list (in-app navigation: no network needed).
  await page.goBack()
  const boards = page.getByTestId('home-board')
  await expect(boards.filter({ hasText: 'Planned on the train' })).toHaveAttribute('data-board-id', localId)
  await expect(page.getByTestId('home-server-note')).toContainText('cannot be reached')
  await expect(boards.filter({ hasText: 'Already on the server' })).toHaveCount(0)

  // Online again: the server's boards join the list.
  await context.setOffline(false)
  const serverCard = boards.filter({ hasText: 'Already on the server' })
  await expect(serverCard).toHaveAttribute('data-board-id', serverBoardId, { timeout: 15_000 })
  await expect(serverCard).toContainText('On the server')
  // Not opened on this device, yet drawn: the server sends its thumbnail (the lane and its two steps).
  await expect(serverCard.getByTestId('home-board-preview').locator('rect')).toHaveCount(3)
  await expect(boards.filter({ hasText: 'Planned on the train' })).toContainText('On this device')
})

test('opening a board from a link adds it; search, rename and remove work on the list', async ({
  page,
  server,
}) => {
  const created = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Linked board' }),
  })
  const { id } = (await created.json()) as { id: string }
  await openBoard(page, id)
  await page.goto('/')
  const card = page.locator(`[data-testid="home-board"][data-board-id="${id}"]`)
  await expect(card).toContainText('On this device')
  await expect(card).toContainText('Linked board')

  await page.getByTestId('home-search').fill('nothing matches this')
  await expect(page.getByTestId('home-board')).toHaveCount(0)
  await page.getByTestId('home-search').fill('linked')
  await expect(page.getByTestId('home-board')).toHaveCount(1)
  await page.getByTestId('home-search').fill('')

  await card.getByRole('button', { name: 'Rename Linked board' }).click()
  const input = page.getByRole('textbox', { name: 'New title for Linked board' })
  await input.fill('Renamed at home')
  await input.press('Enter')
  await expect(card).toContainText('Renamed at home')
  // The new title is in the board's doc: opening it shows it, and it syncs to the server.
  await card.getByRole('link').click()
  await waitForBoard(page)
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Renamed at home')
  await page.goBack()

  page.once('dialog', (dialog) => void dialog.accept())
  await card.getByRole('button', { name: 'Remove Renamed at home from this device' }).click()
  // Still on the server, so still listed, but no longer on this device.
  await expect(card).not.toContainText('On this device')
  await expect(card).toContainText('On the server')
})
