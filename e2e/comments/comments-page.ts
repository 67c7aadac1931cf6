import type { Page } from '@playwright/test'
import { canvasPoint, clickAt, screenPointIn, shapesOfType } from '../board/flowmap-page.ts'
import { expect } from '../fixtures/test.ts'

/** Draws one step through the toolbar at a fraction of the canvas and returns its id. */
export async function drawStep(page: Page, fx = 0.4, fy = 0.4): Promise<string> {
  const before = (await shapesOfType(page, 'step')).length
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, fx, fy))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(before + 1)
  const steps = await shapesOfType(page, 'step')
  await page.keyboard.press('Escape')
  return steps[steps.length - 1]!.id
}

/** Comment mode, a click inside the shape, the first message: returns the new thread's id. */
export async function commentOnShape(page: Page, shapeId: string, text: string): Promise<string> {
  await page.getByTestId('comment-mode').click()
  await clickAt(page, await screenPointIn(page, shapeId, 0.3, 0.5))
  const popover = page.getByTestId('comment-popover')
  await expect(popover.getByTestId('comment-input')).toBeFocused()
  await popover.getByTestId('comment-input').fill(text)
  await popover.getByTestId('comment-submit').click()
  await expect(popover).toHaveAttribute('data-thread-id', /comment-thread:/)
  await page.getByTestId('comment-mode').click()
  return (await popover.getAttribute('data-thread-id'))!
}

export function pin(page: Page, threadId: string) {
  return page.locator(`[data-testid="comment-pin"][data-thread-id="${threadId}"]`)
}

export async function pinBox(page: Page, threadId: string) {
  const box = await pin(page, threadId).boundingBox()
  if (!box) throw new Error(`the pin of ${threadId} is not on screen`)
  return box
}
