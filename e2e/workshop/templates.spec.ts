/**
 * Templates (issue 13, point 1): a new board from a template on the home page and at
 * `/new?template=…`, made offline too; a facilitator saves a board as a template and a new board
 * starts from it. Each board is checked on the page and on the server, which must have stored it.
 */
import { workflowShape } from '@flowmap/shared/testing'
import type { Page, TestInfo } from '@playwright/test'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import {
  boardIdOf,
  documentRecords,
  openBoard,
  openWorkshopMenu,
  shapesOf,
  shapesOfType,
  waitForBoard,
  waitForServiceWorkerControl,
} from '../board/flowmap-page.ts'
import { expect, test, WITH_SERVICE_WORKER } from '../fixtures/test.ts'

test.use(WITH_SERVICE_WORKER)

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`templates-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`templates: ${name}`, { path, contentType: 'image/png' })
}

/** What the server has stored of a board: its records, from the export route. */
async function storedRecords(page: Page, boardId: string): Promise<{ type?: string; typeName: string }[]> {
  const answer = await page.request.get(`/api/boards/${boardId}/export.json`)
  if (!answer.ok()) return []
  return ((await answer.json()) as { records: { type?: string; typeName: string }[] }).records
}

async function zoomToFit(page: Page): Promise<void> {
  await page.evaluate(() => {
    const hook = (window as unknown as { __flowmap?: { editor?: { zoomToFit(): void } } }).__flowmap
    hook?.editor?.zoomToFit()
  })
}

function labelsOf(shapes: { props: Record<string, unknown> }[]): string[] {
  return shapes.map((shape) => String(shape.props.label)).sort()
}

test('pick "Swimlane process" on the home page: the board opens with its lanes and steps, stored on the server', async ({
  page,
}, testInfo) => {
  // A dialog, a new board and its sync to the server: a minute on a loaded machine.
  test.setTimeout(120_000)
  await page.goto('/')
  await page.getByTestId('home-from-template').click()
  const picker = page.getByTestId('template-picker')
  await expect(picker.getByTestId('template-choice')).toHaveCount(8)
  // Every template but the blank one has a thumbnail drawn from its records.
  await expect(picker.getByTestId('template-preview')).toHaveCount(7)
  await expect(picker.getByTestId('template-preview').first().locator('rect')).not.toHaveCount(0)
  await screenshot(page, testInfo, 'picker')

  await picker.locator('[data-template="swimlane"]').click()
  await expect(page.getByTestId('home-new-name'), 'the board is named after the template').toHaveValue(
    'Swimlane process',
  )
  await page.getByTestId('home-new-dialog-confirm').click()
  await page.waitForURL(/\/b\//, { timeout: 30_000 })
  await waitForBoard(page)
  const boardId = boardIdOf(page)

  const lanes = await shapesOfType(page, 'lane')
  expect(labelsOf(lanes)).toEqual(['Customer', 'Operations', 'Sales'])
  const steps = await shapesOfType(page, 'step')
  expect(labelsOf(steps)).toEqual([
    'Check order',
    'Confirm order',
    'Pack order',
    'Place order',
    'Receive order',
    'Ship order',
  ])
  const laneIds = new Set(lanes.map((lane) => lane.id))
  expect(
    steps.every((step) => laneIds.has(step.parentId)),
    'every step sits in a lane',
  ).toBe(true)
  // Connectors are bound at both ends, so they follow the steps when someone moves one.
  const bindings = (await documentRecords(page)).filter(
    (record) => (record as { typeName?: string }).typeName === 'binding',
  )
  expect(bindings).toHaveLength(2 * (await shapesOfType(page, 'arrow')).length)
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Swimlane process')

  await expect
    .poll(async () => (await storedRecords(page, boardId)).filter((r) => r.type === 'step').length, {
      timeout: 15_000,
    })
    .toBe(6)
  await zoomToFit(page)
  await screenshot(page, testInfo, 'swimlane-board')
})

test('/new?template=sipoc opens a SIPOC board; an unknown template makes no board and says which there are', async ({
  page,
}) => {
  await page.goto('/new?template=sipoc')
  await page.waitForURL(/\/b\//, { timeout: 30_000 })
  await waitForBoard(page)
  const stages = (await shapesOfType(page, 'stage')).sort(
    (a, b) => Number(a.props.order) - Number(b.props.order),
  )
  expect(stages.map((stage) => stage.props.label)).toEqual([
    'Suppliers',
    'Inputs',
    'Process',
    'Outputs',
    'Customers',
  ])
  const process = stages[2]!
  const steps = await shapesOfType(page, 'step')
  expect(steps).toHaveLength(4)
  expect(steps.every((step) => step.parentId === process.id)).toBe(true)
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('SIPOC')

  await page.goto('/new?template=no-such-template')
  await expect(page.getByTestId('new-board-problem')).toContainText('There is no template "no-such-template"')
  await expect(page.getByTestId('new-board-problem')).toContainText('swimlane')
})

test('a board made from a template while offline reaches the server with its content once back online', async ({
  openUser,
}) => {
  // Two boards, a reload for the service worker, and a reconnect: over a minute on a loaded machine.
  test.setTimeout(180_000)
  const { page, context } = await openUser()
  await page.goto('/new?template=approval')
  await page.waitForURL(/\/b\//, { timeout: 30_000 })
  await waitForBoard(page)
  await waitForServiceWorkerControl(page)

  await context.setOffline(true)
  await page.goto('/new?template=incident-response')
  await page.waitForURL(/\/b\//, { timeout: 30_000 })
  await waitForBoard(page, { online: false })
  const boardId = boardIdOf(page)
  expect(labelsOf(await shapesOfType(page, 'step'))).toContain('Declare incident')

  await context.setOffline(false)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', {
    timeout: 30_000,
  })
  await expect
    .poll(async () => (await storedRecords(page, boardId)).filter((r) => r.type === 'step').length, {
      timeout: 20_000,
    })
    .toBe((await shapesOfType(page, 'step')).length)
  const listed = await (await page.request.get(`/api/boards/${boardId}`)).json()
  expect(listed).toMatchObject({ title: 'Incident response' })
})

test('a facilitator saves a board as a template, and a new board starts from it', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(120_000)
  const sourceId = await seedBoard(server.url, {
    title: 'Expense claims',
    roles: [{ id: 'role:finance', name: 'Finance', color: '#2f9e44', kind: 'team' }],
    records: [
      workflowShape('lane', {
        id: 'finance',
        x: 0,
        y: 0,
        props: { w: 900, h: 220, label: 'Finance', roleId: 'role:finance' },
      }),
      workflowShape('step', {
        id: 'collect',
        parentId: 'shape:finance',
        x: 200,
        y: 50,
        props: { label: 'Collect receipts' },
      }),
      workflowShape('step', {
        id: 'approve',
        parentId: 'shape:finance',
        x: 520,
        y: 50,
        props: { label: 'Approve expense' },
      }),
    ],
  })
  await openBoard(page, sourceId)
  await openWorkshopMenu(page)
  await page.getByTestId('save-template-button').click()
  await expect(page.getByTestId('save-template-name')).toHaveValue('Expense claims')
  await page.getByTestId('save-template-description').fill('How finance pays back expenses')
  await page.getByTestId('save-template-confirm').click()
  await expect(page.getByTestId('save-template-saved')).toContainText('Saved "Expense claims"')

  await page.goto('/')
  await page.getByTestId('home-from-template').click()
  const saved = page.locator('[data-testid="template-choice"][data-template^="saved:"]')
  await expect(saved).toHaveCount(1, { timeout: 10_000 })
  await expect(saved).toContainText('Expense claims')
  await expect(saved.getByTestId('template-preview').locator('rect')).toHaveCount(3)
  await saved.scrollIntoViewIfNeeded()
  await saved.click()
  await screenshot(page, testInfo, 'saved')
  await page.getByTestId('home-new-dialog-confirm').click()
  await page.waitForURL(/\/b\//, { timeout: 30_000 })
  await waitForBoard(page)
  const boardId = boardIdOf(page)
  expect(boardId).not.toBe(sourceId)
  expect(labelsOf(await shapesOfType(page, 'step'))).toEqual(['Approve expense', 'Collect receipts'])
  expect((await shapesOf(page)).find((shape) => shape.type === 'lane')?.props.roleId).toBe('role:finance')
  await expect
    .poll(async () => (await storedRecords(page, boardId)).filter((r) => r.type === 'step').length, {
      timeout: 15_000,
    })
    .toBe(2)
})
