import { expect, test } from '../fixtures/test.ts'
import {
  canvasPoint,
  clickAt,
  documentRecords,
  doubleClickAt,
  drag,
  screenCenterOf,
  screenPointIn,
  shapesOf,
  shapesOfType,
} from './flowmap-page.ts'
import { openTwoUsersOnOneBoard } from './two-users.ts'

test('two people co-edit a board: what A draws reaches B, and a rename and a move of one step both survive', async ({
  openUser,
}, testInfo) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)

  // A draws a swimlane with the toolbar (a drag sets its size)...
  await a.page.getByTestId('tools.lane').click()
  await drag(a.page, await canvasPoint(a.page, 0.03, 0.2), await canvasPoint(a.page, 0.97, 0.85))
  await expect.poll(async () => (await shapesOfType(a.page, 'lane')).length).toBe(1)

  // ...three steps: toolbar + click, keyboard + click, keyboard + drag...
  await a.page.getByTestId('tools.step').click()
  await clickAt(a.page, await canvasPoint(a.page, 0.33, 0.5))
  await expect.poll(async () => (await shapesOfType(a.page, 'step')).length).toBe(1)
  await a.page.keyboard.press('s')
  await clickAt(a.page, await canvasPoint(a.page, 0.6, 0.5))
  await expect.poll(async () => (await shapesOfType(a.page, 'step')).length).toBe(2)
  await a.page.keyboard.press('s')
  await drag(a.page, await canvasPoint(a.page, 0.76, 0.4), await canvasPoint(a.page, 0.93, 0.6))
  await expect.poll(async () => (await shapesOfType(a.page, 'step')).length).toBe(3)

  // ...and two flows, dragged with the arrow tool from one step to the next.
  const [first, second, third] = (await shapesOfType(a.page, 'step')).sort((p, q) => p.x - q.x)
  if (!first || !second || !third) throw new Error('expected three steps')
  await a.page.keyboard.press('a')
  await drag(a.page, await screenCenterOf(a.page, first.id), await screenCenterOf(a.page, second.id))
  await a.page.keyboard.press('a')
  await drag(a.page, await screenCenterOf(a.page, second.id), await screenCenterOf(a.page, third.id))
  await expect.poll(async () => (await shapesOfType(a.page, 'arrow')).length).toBe(2)
  const bindings = (await documentRecords(a.page)).filter(
    (r) => (r as { typeName: string }).typeName === 'binding',
  )
  expect(bindings, 'each flow is bound to a step at both ends').toHaveLength(4)

  // B sees exactly A's board.
  await expect.poll(() => documentRecords(b.page), { timeout: 10_000 }).toEqual(await documentRecords(a.page))

  // At the same time: B renames the middle step, A drags it down.
  const before = (await shapesOf(a.page)).find((shape) => shape.id === second.id)!
  const renameOnB = async () => {
    await doubleClickAt(b.page, await screenCenterOf(b.page, second.id))
    const label = b.page.getByRole('textbox', { name: 'Step label' })
    await label.fill('Review the request')
    await label.press('Enter')
  }
  await a.page.keyboard.press('Escape')
  const moveOnA = async () => {
    const from = await screenPointIn(a.page, second.id, 0.5, 0.85)
    await drag(a.page, from, { x: from.x - 40, y: from.y + 90 })
  }
  await Promise.all([renameOnB(), moveOnA()])

  const survived = (shapes: Awaited<ReturnType<typeof shapesOf>>) => {
    const step = shapes.find((shape) => shape.id === second.id)
    return { label: step?.props.label, moved: step !== undefined && step.y > before.y + 40 }
  }
  for (const page of [a.page, b.page]) {
    await expect
      .poll(async () => survived(await shapesOf(page)), { timeout: 10_000 })
      .toEqual({
        label: 'Review the request',
        moved: true,
      })
  }
  await expect.poll(() => documentRecords(b.page), { timeout: 10_000 }).toEqual(await documentRecords(a.page))

  // The two-user board, kept as an artifact under test-results/.
  for (const [who, page] of [
    ['a', a.page],
    ['b', b.page],
  ] as const) {
    const path = testInfo.outputPath(`two-user-board-${who}.png`)
    await page.screenshot({ path })
    await testInfo.attach(`two-user board (${who.toUpperCase()})`, { path, contentType: 'image/png' })
  }
})
