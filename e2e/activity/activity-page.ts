import type { Page } from '@playwright/test'
import { canvasPoint, clickAt, shapesOfType } from '../board/flowmap-page.ts'
import { expect } from '../fixtures/test.ts'

/** Draws a step through the toolbar at a fraction of the canvas; returns the id of the one it made. */
export async function drawStep(page: Page, fx: number, fy: number): Promise<string> {
  const before = new Set((await shapesOfType(page, 'step')).map((shape) => shape.id))
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, fx, fy))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(before.size + 1)
  await page.keyboard.press('Escape')
  return (await shapesOfType(page, 'step')).find((shape) => !before.has(shape.id))!.id
}

/** Types a name into the People panel's "Your name" field, as a person would. */
export async function setMyName(page: Page, name: string): Promise<void> {
  await page.getByTestId('people-button').click()
  await page.getByTestId('presence-name').fill(name)
  await page.getByTestId('presence-name').press('Enter')
  await page.keyboard.press('Escape')
}

/** Renames a shape through the editor (what typing its label does). */
export function labelShape(page: Page, shapeId: string, label: string): Promise<void> {
  return page.evaluate(
    ([id, text]) => {
      type Editor = {
        getShape(id: string): { type: string; props: Record<string, unknown> } | undefined
        updateShape(shape: unknown): void
      }
      const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
      const shape = editor.getShape(id!)
      if (!shape) throw new Error(`no shape ${id}`)
      editor.updateShape({ id, type: shape.type, props: { label: text } })
    },
    [shapeId, label],
  )
}

/** Opens the side panel's Activity tab (the panels may start closed on a narrow window). */
export async function openActivityTab(page: Page): Promise<void> {
  const tab = page.getByTestId('sidebar-tab-activity')
  if (!(await tab.isVisible())) await page.locator('.flowmap-header__panels').click()
  await tab.click()
  await expect(page.getByTestId('activity-panel')).toBeVisible()
}

/** The Activity panel's rows, top to bottom, as "<name>: <summary>". */
export function activityRows(page: Page) {
  return page
    .getByTestId('activity.group')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('.flowmap-activity__who')?.textContent}: ${row.querySelector('.flowmap-activity__summary')?.textContent}`,
      ),
    )
}

/** Opens a thread's pin and replies in it. */
export async function replyInThread(page: Page, threadId: string, text: string): Promise<void> {
  const popover = page.getByTestId('comment-popover')
  const open = (await popover.count()) > 0 ? await popover.getAttribute('data-thread-id') : null
  if (open !== threadId) {
    await page.locator(`[data-testid="comment-pin"][data-thread-id="${threadId}"]`).click()
  }
  const before = await popover.getByTestId('comment-text').count()
  await popover.getByTestId('comment-input').fill(text)
  await popover.getByTestId('comment-input').press('Enter')
  await expect(popover.getByTestId('comment-text')).toHaveCount(before + 1)
}
