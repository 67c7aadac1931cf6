import { analyzeWorkflow, type Role, toWorkflowGraph } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Page, TestInfo } from '@playwright/test'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { openBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

const hr: Role = { id: 'role:hr', name: 'HR', color: '#e8590c', kind: 'team' }
const it: Role = { id: 'role:it', name: 'IT', color: '#1971c2', kind: 'team' }
const roles = [hr, it]

/**
 * Hired → Welcome (HR, 2h) → Remote? ─yes→ Ship laptop (IT, 16h)      (the IT branch stops there)
 *                                   └─no──→ Desk setup (IT, 1h) → First day (HR, 2h) → Onboarded
 * Ship laptop ⇢ First day: the first day waits for the laptop (a dependency, drawn bent).
 * The flow alone makes 5 h; with the dependency the critical path is 2 + 16 + 2 = 20 h.
 */
function onboardingMap() {
  const step = (id: string, x: number, y: number, label: string, owner: Role, estimate: number) =>
    workflowShape('step', { id, x, y, props: { label, owner: owner.id, estimate } })
  const dependency = connector({ id: 'dep', from: 'ship', to: 'first-day', flow: 'dependency' }).map(
    (record) =>
      record.typeName === 'shape' && record.type === 'arrow'
        ? { ...record, props: { ...record.props, bend: -90, dash: 'dashed' as const } }
        : record,
  )
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', x: 0, y: 220, props: { kind: 'start', label: 'Hired' } }),
    step('welcome', 140, 190, 'Welcome', hr, 2),
    workflowShape('decision', { id: 'remote', x: 420, y: 180, props: { question: 'Remote?' } }),
    step('ship', 660, 20, 'Ship laptop', it, 16),
    step('desk', 660, 360, 'Desk setup', it, 1),
    step('first-day', 940, 190, 'First day', hr, 2),
    workflowShape('event', { id: 'end', x: 1220, y: 220, props: { kind: 'end', label: 'Onboarded' } }),
    ...sequenceFlows([
      ['start', 'welcome'],
      ['welcome', 'remote'],
      ['remote', 'ship', 'yes'],
      ['remote', 'desk', 'no'],
      ['desk', 'first-day'],
      ['first-day', 'end'],
    ]),
    ...dependency,
  ]
}

/** Sequence connectors c1, c2, … between shapes, with a branch label where one is given. */
function sequenceFlows(flows: Array<[from: string, to: string, branch?: string]>) {
  return flows.flatMap(([from, to, branch], index) =>
    connector({ id: `c${index + 1}`, from, to, ...(branch === undefined ? {} : { branch }) }),
  )
}

async function screenshot(page: Page, testInfo: TestInfo, what: string) {
  const path = testInfo.outputPath(`critical-path-${what}.png`)
  await page.screenshot({ path })
  await testInfo.attach(what, { path, contentType: 'image/png' })
}

test('critical path through a dependency: its hours include the long step, highlighted along the connectors', async ({
  page,
  server,
}, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: onboardingMap(),
    roles,
  })
  const expected = analyzeWorkflow(toWorkflowGraph(onboardingMap(), roles)).criticalPath
  expect(expected.hours).toBe(20)
  expect(expected.edgeIds).toContain('shape:dep')

  await openBoard(page, boardId)
  await page.getByTestId('sidebar-tab-insights').click()
  await expect(page.getByTestId('critical-path-hours')).toHaveText('20')
  await expect(page.getByTestId('critical-path')).toContainText(`through ${expected.nodeIds.length} shapes`)

  await page.getByTestId('critical-path-toggle').click()
  const highlight = page.getByTestId('critical-path-highlight')
  const traces = highlight.getByTestId('critical-path-connector')
  await expect(traces).toHaveCount(expected.edgeIds.length)
  await expect(highlight.locator('rect')).toHaveCount(expected.nodeIds.length)
  await expect(highlight.locator('[data-shape-id="shape:dep"]')).toHaveCount(1)

  // Every traced point lies on its arrow's own line, and the bent dependency's trace leaves the
  // straight line between the two cards' centres: the highlight follows the arrows.
  await expect
    .poll(() => page.evaluate(traceFit), { timeout: 15_000 })
    .toEqual({ traces: expected.edgeIds.length, farthestOffArrow: expect.any(Number), bentAway: true })
  const fit = await page.evaluate(traceFit)
  expect(fit.farthestOffArrow).toBeLessThan(2)
  await screenshot(page, testInfo, 'dependency')
})

test('a branch that never reaches an End shows in the Checks panel', async ({ page, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: onboardingMap(),
    roles,
  })
  await openBoard(page, boardId)
  await page.getByTestId('sidebar-tab-checks').click()
  const panel = page.getByTestId('lint-panel')
  await expect(page.getByTestId('lint-rule-count-no-path-to-end')).toHaveText('1')
  const issue = panel.getByTestId('lint-issue').filter({
    hasText: 'Step "Ship laptop" is where its branch stops, so it never reaches an End',
  })
  await expect(issue).toBeVisible()
  await expect(issue).toContainText('connect it to the next step or to an End')
  await expect(page.locator('[data-testid="lint-badge"][data-shape-id="shape:ship"]')).toBeVisible()

  // A click on it selects the step where the IT branch stops, and zooms to it.
  await issue.click()
  await expect
    .poll(() =>
      page.evaluate(() => {
        const hook = window as unknown as { __flowmap: { editor: { getSelectedShapeIds(): string[] } } }
        return hook.__flowmap.editor.getSelectedShapeIds()
      }),
    )
    .toEqual(['shape:ship'])
  await screenshot(page, testInfo, 'dead-branch')
})

/**
 * Runs in the page: for each traced connector, how far its points are from the arrow's geometry (in
 * page units), and whether the dependency's trace bends away from the straight centre line.
 */
function traceFit(): { traces: number; farthestOffArrow: number; bentAway: boolean } {
  type Point = { x: number; y: number }
  type Editor = {
    getShape(id: string): unknown
    getCamera(): { x: number; y: number; z: number }
    getShapePageTransform(shape: unknown): { clone(): { invert(): { applyToPoint(p: Point): Point } } }
    getShapeGeometry(shape: unknown): { distanceToPoint(point: Point): number }
    getShapePageBounds(id: string): { center: Point }
  }
  const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
  const paths = [...document.querySelectorAll('[data-testid="critical-path-connector"]')]
  let farthestOffArrow = 0
  let bentAway = false
  for (const path of paths) {
    const id = path.getAttribute('data-shape-id')!
    const arrow = editor.getShape(id)
    const toShape = editor.getShapePageTransform(arrow).clone().invert()
    const geometry = editor.getShapeGeometry(arrow)
    const points = (path.getAttribute('d') ?? '')
      .replace(/[ML]/g, ' ')
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const [x, y] = pair.split(',').map(Number)
        // The inverse of editor.pageToViewport, which drew it.
        const camera = editor.getCamera()
        return { x: x! / camera.z - camera.x, y: y! / camera.z - camera.y }
      })
    for (const point of points)
      farthestOffArrow = Math.max(farthestOffArrow, geometry.distanceToPoint(toShape.applyToPoint(point)))
    if (id === 'shape:dep') {
      const a = editor.getShapePageBounds('shape:ship').center
      const b = editor.getShapePageBounds('shape:first-day').center
      const length = Math.hypot(b.x - a.x, b.y - a.y)
      const offLine = (p: Point) => Math.abs((b.x - a.x) * (a.y - p.y) - (a.x - p.x) * (b.y - a.y)) / length
      bentAway = points.some((point) => offLine(point) > 30)
    }
  }
  return { traces: paths.length, farthestOffArrow, bentAway }
}

test('a branch that loops for ever without a way out shows in the Checks panel, every step on it', async ({
  page,
  server,
}, testInfo) => {
  // The IT branch: Ship laptop → Check laptop → Ship laptop, and nothing out of the loop to an End.
  const loop = [
    workflowShape('step', { id: 'check', x: 940, y: 20, props: { label: 'Check laptop', owner: it.id } }),
    ...connector({ id: 'loop-out', from: 'ship', to: 'check' }),
    ...connector({ id: 'loop-back', from: 'check', to: 'ship' }),
  ]
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: [...onboardingMap(), ...loop],
    roles,
  })
  await openBoard(page, boardId)
  await page.getByTestId('sidebar-tab-checks').click()
  await expect(page.getByTestId('lint-rule-count-no-path-to-end')).toHaveText('2')
  const issues = page.getByTestId('lint-panel').getByTestId('lint-issue')
  for (const label of ['Ship laptop', 'Check laptop'])
    await expect(
      issues.filter({
        hasText: `Step "${label}" never reaches an End: every way on from it loops back or stops`,
      }),
    ).toBeVisible()
  for (const id of ['shape:ship', 'shape:check'])
    await expect(page.locator(`[data-testid="lint-badge"][data-shape-id="${id}"]`)).toBeVisible()
  await screenshot(page, testInfo, 'loop-without-exit')
})
