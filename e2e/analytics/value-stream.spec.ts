/**
 * Value-stream timing (issue 17, points 1 and 2) on a board made from the value-stream template: times
 * and % complete & accurate set in the inspector change the metrics the VSM timeline ladder shows
 * under the stages (lead time, process time, activity ratio, rolled % C&A), and a range keeps
 * min <= likely <= max.
 */
import type { Page } from '@playwright/test'
import { screenPointIn, shapesOfType } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'
import { attachScreenshot, openTemplateBoard } from './template-board.ts'

async function stepIdLabelled(page: Page, label: string): Promise<string> {
  const step = (await shapesOfType(page, 'step')).find((shape) => shape.props.label === label)
  if (step === undefined) throw new Error(`no step labelled ${label}`)
  return step.id
}

test('set process time, wait and % C&A of a value-stream step in the inspector, and read the metrics on the ladder', async ({
  page,
}, testInfo) => {
  await openTemplateBoard(page, 'value-stream')

  await page.getByTestId('vsm-ladder-toggle').click()
  const ladder = page.getByTestId('vsm-ladder')
  await expect(ladder).toBeVisible()
  // The template along its longest path (the rework loop aside): waits 8 + 16 + 24 + 8 + 16 = 72 h,
  // process 0.5 + 1 + 6 + 1 + 4 = 12.5 h; a working day is 8 h.
  await expect(page.getByTestId('vsm-ladder-lead')).toHaveText('10 d 4.5 h')
  await expect(page.getByTestId('vsm-ladder-process')).toHaveText('1 d 4.5 h')
  await expect(page.getByTestId('vsm-ladder-activity-ratio')).toHaveText('14.8%') // 12.5 / 84.5
  await expect(page.getByTestId('vsm-ladder-rolled-ca')).toHaveText('71.2%') // .90 × .95 × .85 × .98 × 1
  await expect(page.getByTestId('vsm-ladder-rung')).toHaveCount(10)

  const build = await stepIdLabelled(page, 'Build')
  const onBuild = await screenPointIn(page, build, 0.5, 0.8)
  await page.mouse.click(onBuild.x, onBuild.y)
  const inspector = page.getByTestId('inspector-panel')
  await expect(inspector.getByRole('heading', { name: 'Step' })).toBeVisible()
  await expect(inspector.getByLabel('Process time (hours)', { exact: true })).toHaveValue('6')
  // Build's range is 5–8: a likely time outside it is refused (and says why), 7 is written.
  await inspector.getByLabel('Process time (hours)', { exact: true }).fill('9')
  await expect(inspector.getByTestId('inspector-estimate-field')).toContainText('from 5 to 8')
  await inspector.getByLabel('Process time (hours)', { exact: true }).fill('7')
  await inspector.getByLabel('Wait before (hours)', { exact: true }).fill('32')
  await inspector.getByLabel('% complete & accurate (%)').fill('50')

  const props = async () =>
    (await shapesOfType(page, 'step')).find((shape) => shape.id === build)!.props as Record<string, unknown>
  await expect.poll(props).toMatchObject({ estimate: 7, wait: 32, completeAccurate: 50 })
  // Lead 84.5 + 1 + 8 = 93.5 h, process 13.5 h, ratio 13.5 / 93.5, C&A .90 × .95 × .50 × .98.
  await expect(page.getByTestId('vsm-ladder-lead')).toHaveText('11 d 5.5 h')
  await expect(page.getByTestId('vsm-ladder-process')).toHaveText('1 d 5.5 h')
  await expect(page.getByTestId('vsm-ladder-activity-ratio')).toHaveText('14.4%')
  await expect(page.getByTestId('vsm-ladder-rolled-ca')).toHaveText('41.9%')
  await attachScreenshot(page, testInfo, 'value-stream-ladder')

  await page.getByTestId('vsm-ladder-toggle').click()
  await expect(ladder).toHaveCount(0)
})
