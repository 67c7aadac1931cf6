import {
  canvasPoint,
  clickAt,
  drag,
  openNewBoard,
  screenCenterOf,
  shapesOfType,
} from './board/flowmap-page.ts'
import { expect, test } from './fixtures/test.ts'

test('a decision with one branch shows the issue live, with a badge and a count; the second branch clears it', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  const panel = page.getByTestId('lint-panel')
  const decisionCount = page.getByTestId('lint-rule-count-decision-without-branches')

  // A decision and two steps, drawn with the toolbar and the keyboard.
  await page.getByTestId('tools.decision').click()
  await clickAt(page, await canvasPoint(page, 0.25, 0.5))
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.65, 0.28))
  await page.keyboard.press('s')
  await clickAt(page, await canvasPoint(page, 0.65, 0.72))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(2)
  const [decision] = await shapesOfType(page, 'decision')
  const [upper, lower] = (await shapesOfType(page, 'step')).sort((p, q) => p.y - q.y)
  if (!decision || !upper || !lower) throw new Error('expected a decision and two steps')
  await expect(decisionCount).toHaveText('1')

  // One branch, labelled "yes" in the inspector: still one labelled branch short.
  await drawBranch(page, decision.id, upper.id, 'yes')
  await expect(decisionCount).toHaveText('1')
  await page.getByTestId('sidebar-tab-checks').click()
  await expect(panel.getByTestId('lint-issue').filter({ hasText: 'has 1 labelled branch' })).toBeVisible()
  const decisionBadge = page.locator(`[data-testid="lint-badge"][data-shape-id="${decision.id}"]`)
  await expect(decisionBadge).toBeVisible()
  await expect(decisionBadge).toHaveAttribute('title', /has 1 labelled branch/)
  const countWithIssue = Number(await page.getByTestId('lint-count').getAttribute('data-count'))
  await screenshot(page, testInfo, 'one-branch')

  // A click on the issue selects the decision.
  await page.keyboard.press('Escape')
  await panel.getByTestId('lint-issue').filter({ hasText: 'has 1 labelled branch' }).click()
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = (window as unknown as { __flowmap: { editor: { getSelectedShapeIds(): string[] } } })
          .__flowmap.editor
        return editor.getSelectedShapeIds()
      }),
    )
    .toEqual([decision.id])

  // The second branch clears the issue, its badge, and one from the toolbar count.
  await drawBranch(page, decision.id, lower.id, 'no')
  await expect(decisionCount).toHaveText('0')
  await expect(decisionBadge).toHaveCount(0)
  await expect(page.getByTestId('lint-count')).toHaveAttribute('data-count', String(countWithIssue - 1))
  await page.getByTestId('sidebar-tab-checks').click()
  await screenshot(page, testInfo, 'two-branches')
})

test('a check switched off is off for the board, and stays off after a reload', async ({ page }) => {
  await openNewBoard(page)
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.5, 0.5))
  const ownerCount = page.getByTestId('lint-rule-count-step-without-owner')
  await expect(ownerCount).toHaveText('1')
  await expect(page.locator('[data-testid="lint-badge"]')).toHaveCount(1)

  await page.getByTestId('sidebar-tab-checks').click()
  await page.getByTestId('lint-rule-toggle-step-without-owner').uncheck()
  await expect(ownerCount).toHaveText('off')
  await page.reload()
  await page.getByTestId('sidebar-tab-checks').click({ timeout: 30_000 })
  await expect(page.getByTestId('lint-rule-toggle-step-without-owner')).not.toBeChecked({ timeout: 30_000 })
  await expect(ownerCount).toHaveText('off')
  // The step is still unreachable (no start): that check stays on and keeps its badge.
  await expect(page.getByTestId('lint-rule-count-step-unreachable')).toHaveText('1')
})

/** Draws an arrow from a decision to a step with the arrow tool and types its branch in the inspector. */
async function drawBranch(page: import('@playwright/test').Page, from: string, to: string, branch: string) {
  const arrowsBefore = (await shapesOfType(page, 'arrow')).length
  await page.keyboard.press('a')
  await drag(page, await screenCenterOf(page, from), await screenCenterOf(page, to))
  await expect.poll(async () => (await shapesOfType(page, 'arrow')).length).toBe(arrowsBefore + 1)
  await page.getByTestId('sidebar-tab-properties').click()
  const field = page.getByTestId('inspector-branch')
  await field.fill(branch)
  await field.press('Enter')
  await page.keyboard.press('Escape')
}

async function screenshot(
  page: import('@playwright/test').Page,
  testInfo: import('@playwright/test').TestInfo,
  name: string,
) {
  const path = testInfo.outputPath(`lint-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`lint: ${name}`, { path, contentType: 'image/png' })
}
