/**
 * Issue 12, point 4: undo you can trust. A restore from replay is one history entry and one Ctrl+Z (its
 * records, roles and title together); a label edit, once undone, stays undone while further Ctrl+Z take
 * back older edits, with a second person editing the same board meanwhile.
 */
import type { Page, TestInfo } from '@playwright/test'
import {
  allSent,
  canvasPoint,
  clickAt,
  doubleClickAt,
  openNewBoard,
  type ShapeSummary,
  screenCenterOf,
  shapesOf,
  shapesOfType,
} from '../board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from '../board/two-users.ts'
import { expect, test } from '../fixtures/test.ts'

async function screenshot(page: Page, testInfo: TestInfo, what: string): Promise<void> {
  const path = testInfo.outputPath(`undo-${what}.png`)
  await page.screenshot({ path })
  await testInfo.attach(what, { path, contentType: 'image/png' })
}

/** What the board shows of its shapes: kind, place and text, by id. */
function board(shapes: ShapeSummary[]): unknown[] {
  return shapes.map(({ id, type, x, y, parentId, props }) => ({
    id,
    type,
    x,
    y,
    parentId,
    label: props.label,
  }))
}

/** Nothing of this page's left to send: the server has logged every edit it made. */
async function historySeqs(page: Page, boardId: string): Promise<number[]> {
  const response = await page.request.get(`/api/boards/${boardId}/history?after=0&limit=1000`)
  expect(response.ok()).toBe(true)
  const body = (await response.json()) as { entries: { seq: number }[] }
  return body.entries.map((entry) => entry.seq)
}

/** One person's edit through the editor, as its own undo step (what a tool does). */
function edit(page: Page, script: string): Promise<void> {
  return page.evaluate((body) => {
    const editor = (
      window as unknown as { __flowmap: { editor: Record<string, (...args: unknown[]) => unknown> } }
    ).__flowmap.editor
    editor.markHistoryStoppingPoint!('e2e edit')
    new Function('editor', body)(editor)
  }, script)
}

test('undo after restore: a restore is one history entry, and one Ctrl+Z takes the board back to before it', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const boardId = await openNewBoard(page)
  // A small map: three steps and a connector between the first two.
  await edit(
    page,
    `editor.createShapes([
      { id: 'shape:intake', type: 'step', x: 100, y: 150, props: { label: 'Intake' } },
      { id: 'shape:review', type: 'step', x: 400, y: 150, props: { label: 'Review' } },
      { id: 'shape:ship', type: 'step', x: 700, y: 150, props: { label: 'Ship' } },
    ])
    editor.createShape({ id: 'shape:flow', type: 'arrow', x: 0, y: 0, props: { start: { x: 220, y: 190 }, end: { x: 400, y: 190 } } })
    editor.createBindings([
      { fromId: 'shape:flow', toId: 'shape:intake', type: 'arrow', props: { terminal: 'start', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false } },
      { fromId: 'shape:flow', toId: 'shape:review', type: 'arrow', props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false } },
    ])`,
  )
  await allSent(page)
  const moment = (await historySeqs(page, boardId)).at(-1)!
  const atMoment = board(await shapesOf(page))

  // Later edits: a rename, a move, a deletion.
  await edit(
    page,
    `editor.updateShape({ id: 'shape:review', type: 'step', props: { label: 'Review order' } })`,
  )
  await edit(page, `editor.updateShape({ id: 'shape:ship', type: 'step', x: 700, y: 450 })`)
  await edit(page, `editor.deleteShapes(['shape:intake'])`)
  await allSent(page)
  const beforeRestore = board(await shapesOf(page))
  const entriesBefore = await historySeqs(page, boardId)
  await screenshot(page, testInfo, 'before-restore')

  await page.getByTestId('replay.open').click()
  const scrubber = page.getByTestId('replay.scrubber')
  await expect(scrubber).toBeVisible({ timeout: 30_000 })
  await scrubber.fill(String(moment))
  await expect(page.getByTestId('replay.position')).toContainText(`Edit ${moment} of`)
  page.once('dialog', (dialog) => dialog.accept())
  await page.getByTestId('replay.restore').click()
  await expect(page.getByTestId('replay')).toBeHidden()
  await expect.poll(async () => board(await shapesOf(page))).toEqual(atMoment)
  await allSent(page)
  // Exactly one new entry: the restore.
  await expect.poll(() => historySeqs(page, boardId)).toEqual([...entriesBefore, entriesBefore.length + 1])
  await screenshot(page, testInfo, 'after-restore')

  // One Ctrl+Z, on the board: back to just before the restore, and that too is one entry.
  // A click on the empty canvas first, as a person does to get back to the board.
  await clickAt(page, await canvasPoint(page, 0.15, 0.6))
  await page.keyboard.press('Control+z')
  await expect.poll(async () => board(await shapesOf(page))).toEqual(beforeRestore)
  await allSent(page)
  await expect
    .poll(() => historySeqs(page, boardId))
    .toEqual([...entriesBefore, entriesBefore.length + 1, entriesBefore.length + 2])
  await screenshot(page, testInfo, 'after-undo-of-restore')
  // And Ctrl+Shift+Z brings the restore back.
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(async () => board(await shapesOf(page))).toEqual(atMoment)
})

test('one Ctrl+Z after a restore also takes back the title and the roles the restore changed', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const boardId = await openNewBoard(page)
  await edit(
    page,
    `editor.createShape({ id: 'shape:intake', type: 'step', x: 100, y: 150, props: { label: 'Intake' } })`,
  )
  const title = page.getByRole('textbox', { name: 'Board title' })
  const roles = page.getByTestId('role-row')
  await title.fill('Order to cash')
  await title.press('Enter')
  await allSent(page)
  const moment = (await historySeqs(page, boardId)).at(-1)!

  // After that moment: a new title and a role.
  await title.fill('Order to cash v2')
  await title.press('Enter')
  await page.getByTestId('new-role-name').fill('Legal')
  await page.getByTestId('new-role-name').press('Enter')
  await expect(roles).toHaveCount(1)
  await allSent(page)

  await page.getByTestId('replay.open').click()
  const scrubber = page.getByTestId('replay.scrubber')
  await expect(scrubber).toBeVisible({ timeout: 30_000 })
  await scrubber.fill(String(moment))
  await expect(page.getByTestId('replay.position')).toContainText(`Edit ${moment} of`)
  page.once('dialog', (dialog) => dialog.accept())
  await page.getByTestId('replay.restore').click()
  await expect(page.getByTestId('replay')).toBeHidden()
  await expect(title).toHaveValue('Order to cash')
  await expect(roles).toHaveCount(0)

  // One Ctrl+Z on the board: the title and the role come back with the records.
  await clickAt(page, await canvasPoint(page, 0.15, 0.6))
  await page.keyboard.press('Control+z')
  await expect(title).toHaveValue('Order to cash v2')
  await expect(roles).toHaveCount(1)
  // Only the restore: the step drawn before the moment stays.
  expect((await shapesOfType(page, 'step')).map((shape) => shape.id)).toEqual(['shape:intake'])
  await expect(roles.first().getByRole('textbox').first()).toHaveValue('Legal')
  await screenshot(page, testInfo, 'restore-title-and-roles-undone')
  await page.keyboard.press('Control+Shift+z')
  await expect(title).toHaveValue('Order to cash')
  await expect(roles).toHaveCount(0)
})

test('a label edit undone stays undone after later undos, while someone else edits the board', async ({
  openUser,
}, testInfo) => {
  test.setTimeout(120_000)
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  const page = a.page
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.3, 0.4))
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.6, 0.4))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(2)
  const [first, second] = (await shapesOfType(page, 'step')).sort((p, q) => p.x - q.x)
  if (!first || !second) throw new Error('expected two steps')
  const labelOf = async (who: Page, id: string) => (await shapesOf(who)).find((s) => s.id === id)?.props.label

  // A names the first step, twice, by typing on the card: key by key into the card's field once it is
  // open (keys sent right after the double-click could reach the canvas before the field has the
  // focus), each rename ended before the next begins.
  const label = page.getByRole('textbox', { name: 'Step label' })
  const typeOnCard = async (text: string) => {
    await doubleClickAt(page, await screenCenterOf(page, first.id))
    await expect(label).toBeVisible()
    await label.press('ControlOrMeta+a')
    await label.pressSequentially(text)
    await label.press('Enter')
    await expect(label).toHaveCount(0)
    await expect.poll(() => labelOf(page, first.id)).toBe(text)
  }
  await typeOnCard('Review')
  await typeOnCard('Check order')
  await expect.poll(() => labelOf(b.page, first.id)).toBe('Check order')
  // B moves the second step and gives the first a status meanwhile.
  await b.page.evaluate(
    ({ id, other }) => {
      type Editor = { updateShape(shape: unknown): void }
      const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
      editor.updateShape({ id: other, type: 'step', y: 500 })
      editor.updateShape({ id, type: 'step', props: { status: 'doing' } })
    },
    { id: first.id, other: second.id },
  )
  await expect
    .poll(async () => (await shapesOf(page)).find((s) => s.id === first.id)?.props.status)
    .toBe('doing')
  await clickAt(page, await canvasPoint(page, 0.15, 0.6))
  await screenshot(page, testInfo, 'label-before-undo')

  // The first Ctrl+Z after the click on the empty canvas undoes the last rename.
  await page.keyboard.press('Control+z')
  await expect.poll(() => labelOf(page, first.id)).toBe('Review')
  await screenshot(page, testInfo, 'label-first-undo')
  await page.keyboard.press('Control+z')
  await expect.poll(() => labelOf(page, first.id)).toBe('')
  // Further undos take back the second step, then the first: the text never comes back.
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(1)
  expect(await labelOf(page, first.id)).toBe('')
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(0)
  await page.keyboard.press('Control+z')
  expect(await shapesOfType(page, 'step')).toEqual([])
  await expect.poll(async () => (await shapesOfType(b.page, 'step')).length).toBe(0)
  await screenshot(page, testInfo, 'label-after-undos')
})
