import {
  canvasPoint,
  openNewBoard,
  shapesOf,
  waitForBoard,
  waitForServiceWorkerControl,
} from '../board/flowmap-page.ts'
import { expect, test, WITH_SERVICE_WORKER } from '../fixtures/test.ts'
import {
  dropFiles,
  fixtureFile,
  flowNodes,
  inside,
  labelOf,
  overlaps,
  pageBoundsOf,
  screenToPage,
  unionOf,
} from './interop-page.ts'

test.use(WITH_SERVICE_WORKER)

test('a BPMN file without layout dropped on the home page becomes a laid-out board: steps in their lanes, none overlapping', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Your boards' })).toBeVisible()
  const home = await page.getByTestId('home-page').boundingBox()
  await dropFiles(page, { x: home!.x + home!.width / 2, y: home!.y + 200 }, [
    fixtureFile('expense-approval-no-di.bpmn', 'application/xml'),
  ])

  await page.waitForURL(/\/b\//)
  await waitForBoard(page)
  // The board is titled from the file (its pool's name) and opens with the import report.
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Expense approval')
  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'imported')
  await expect(report.getByRole('heading')).toContainText('from BPMN (written by Camunda Modeler 5.31.0)')
  await report.getByTestId('import-report-close').click()
  await expect(report).toHaveCount(0)

  const shapes = await shapesOf(page)
  const lanes = shapes.filter((shape) => shape.type === 'lane')
  expect(lanes.map((lane) => lane.props.label ?? lane.props.roleId)).toHaveLength(2)
  const nodes = flowNodes(shapes)
  // Start, four tasks, the gateway, the end.
  expect(nodes).toHaveLength(7)
  expect(nodes.filter((node) => node.type === 'decision')).toHaveLength(1)
  expect(shapes.filter((shape) => shape.type === 'arrow')).toHaveLength(7)
  const boxes = await pageBoundsOf(page)
  const laneIds = new Set(lanes.map((lane) => lane.id))
  for (const node of nodes) {
    expect(laneIds.has(node.parentId), `${node.id} sits in a lane`).toBe(true)
    expect(inside(boxes[node.id]!, boxes[node.parentId]!), `${node.id} lies inside its lane`).toBe(true)
  }
  for (const [i, a] of nodes.entries()) {
    for (const b of nodes.slice(i + 1)) {
      expect(overlaps(boxes[a.id]!, boxes[b.id]!), `${a.id} and ${b.id} overlap`).toBe(false)
    }
  }
  // Review, the gateway, Pay out and the end are the manager's; the rest the employee's.
  const laneOf = (label: string) => nodes.find((node) => labelOf(node) === label)?.parentId
  expect(laneOf('Review claim')).toBe(laneOf('Approved?'))
  expect(laneOf('Submit expense claim')).toBe(laneOf('Revise claim'))
  expect(laneOf('Submit expense claim')).not.toBe(laneOf('Review claim'))
  await page.screenshot({ path: testInfo.outputPath('interop-dropped-bpmn.png') })
})

test('a file dropped on the canvas of a board goes into that board, centred on the drop point', async ({
  page,
}) => {
  await openNewBoard(page)
  const drop = await canvasPoint(page, 0.7, 0.65)
  const pagePoint = await screenToPage(page, drop)
  await dropFiles(page, drop, [fixtureFile('order-flow.mmd', 'text/plain')])

  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'imported')
  await expect(report.getByRole('heading')).toContainText('from MERMAID')
  await report.getByTestId('import-report-close').click()

  const shapes = await shapesOf(page)
  const tops = shapes.filter((shape) => shape.parentId.startsWith('page:') && shape.type !== 'arrow')
  // Order received, In stock?, Ship order, Reorder stock, Delivered.
  expect(flowNodes(shapes)).toHaveLength(5)
  const boxes = await pageBoundsOf(page)
  const content = unionOf(tops.map((shape) => boxes[shape.id]!))
  expect(Math.abs(content.x + content.w / 2 - pagePoint.x)).toBeLessThan(2)
  expect(Math.abs(content.y + content.h / 2 - pagePoint.y)).toBeLessThan(2)
})

test('offline, a Mermaid file dropped on the home page still makes its board on this device; a file of another kind makes none', async ({
  page,
  context,
}) => {
  // Offline as a person is: the app (the import's worker and its layout chunk too) served by the
  // service worker from its cache.
  await openNewBoard(page)
  await waitForServiceWorkerControl(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Your boards' })).toBeVisible()
  const home = await page.getByTestId('home-page').boundingBox()
  const where = { x: home!.x + home!.width / 2, y: home!.y + 200 }

  await dropFiles(page, where, [{ name: 'photo.png', type: 'image/png', text: 'not a diagram' }])
  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'refused')
  await expect(report.getByTestId('import-refusal')).toContainText(
    'Photo.png was not imported: only BPMN 2.0',
  )
  await report.getByTestId('import-report-close').click()
  expect(new URL(page.url()).pathname).toBe('/')

  await context.setOffline(true)
  await dropFiles(page, where, [fixtureFile('order-flow.mmd', 'text/plain')])
  await page.waitForURL(/\/b\//)
  await waitForBoard(page, { online: false })
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('order-flow')
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported')
  expect(flowNodes(await shapesOf(page))).toHaveLength(5)
})
