/**
 * Issue 14, automatic layout: a map read from a file without geometry (what a Mermaid flowchart or a
 * BPMN file without DI gives) is laid out, stored by the real server (its validation passes every
 * record) and drawn by tldraw with lanes as rows and every card inside its lane, apart from the others;
 * the same content imported twice into one board lands twice, beside itself, overwriting nothing.
 */
import {
  draftToContent,
  type MapContent,
  placeContent,
  pointBeside,
  writeRecords,
  writeRole,
} from '@flowmap/shared'
import {
  documentRecord,
  draftEdge,
  draftLane,
  draftNode,
  flowDraft,
  pageRecord,
} from '@flowmap/shared/testing'
import type { Page, TestInfo } from '@playwright/test'
import { connectBoard } from '../../sync-server/src/testing/board-client.ts'
import { collabUrlOf } from '../../sync-server/src/testing/collab-url.ts'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { openBoard, shapesOf } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

type PageBox = {
  id: string
  type: string
  parentId: string
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Sequence flows `from → to`, with a branch label when a third value is given. */
function sequenceFlows(flows: readonly (readonly [string, string, string?])[]) {
  return flows.map(([from, to, branch], i) =>
    draftEdge(`f${i}`, from, to, branch === undefined ? {} : { branch }),
  )
}

/** An order process as a reader would hand it over: three lanes of one pool, a branch, a note, a loose artifact. */
function orderDraft() {
  const lane = (id: string, label: string) => draftLane(id, { pool: 'orders', label })
  const step = (id: string, containerId: string, label: string) =>
    draftNode(id, 'step', { containerId, label })
  return flowDraft({
    title: 'Order handling',
    containers: [lane('customer', 'Customer'), lane('sales', 'Sales'), lane('warehouse', 'Warehouse')],
    nodes: [
      draftNode('start', 'event', { containerId: 'customer', label: 'Order placed' }),
      step('order', 'customer', 'Send order'),
      step('check', 'sales', 'Check stock'),
      draftNode('inStock', 'decision', { containerId: 'sales', label: 'In stock?' }),
      step('pick', 'warehouse', 'Pick and pack'),
      step('ship', 'warehouse', 'Ship'),
      step('sorry', 'sales', 'Tell customer it is delayed'),
      step('wait', 'customer', 'Wait for news'),
      draftNode('invoice', 'artifact', { label: 'Invoice' }),
      draftNode('memo', 'note', { label: 'Stock is checked twice a day', meta: { nearNodeId: 'check' } }),
    ],
    edges: [
      ...sequenceFlows([
        ['start', 'order'],
        ['order', 'check'],
        ['check', 'inStock'],
        ['inStock', 'pick', 'yes'],
        ['inStock', 'sorry', 'no'],
        ['pick', 'ship'],
        ['sorry', 'wait'],
      ]),
      draftEdge('e8', 'ship', 'invoice', { flow: 'information' }),
    ],
  })
}

/** Every shape's page bounds as tldraw computes them (its own geometry, not the records' numbers). */
function pageBoxes(page: Page): Promise<PageBox[]> {
  return page.evaluate(() => {
    type Bounds = { minX: number; minY: number; maxX: number; maxY: number }
    type Editor = {
      getCurrentPageShapes(): { id: string; type: string; parentId: string }[]
      getShapePageBounds(id: string): Bounds | undefined
    }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    return (editor?.getCurrentPageShapes() ?? []).map((shape) => {
      const b = editor!.getShapePageBounds(shape.id)!
      return {
        id: shape.id,
        type: shape.type,
        parentId: shape.parentId,
        minX: b.minX,
        minY: b.minY,
        maxX: b.maxX,
        maxY: b.maxY,
      }
    })
  })
}

function expectLaidOut(boxes: readonly PageBox[]) {
  const byId = new Map(boxes.map((box) => [box.id, box]))
  const cards = boxes.filter((box) => !['lane', 'stage', 'arrow'].includes(box.type))
  for (const card of cards) {
    const lane = byId.get(card.parentId)
    if (lane === undefined) continue
    expect(card.minX, `${card.id} inside ${lane.id}`).toBeGreaterThanOrEqual(lane.minX)
    expect(card.maxX, `${card.id} inside ${lane.id}`).toBeLessThanOrEqual(lane.maxX)
    expect(card.minY, `${card.id} inside ${lane.id}`).toBeGreaterThanOrEqual(lane.minY)
    expect(card.maxY, `${card.id} inside ${lane.id}`).toBeLessThanOrEqual(lane.maxY)
  }
  for (const [i, a] of cards.entries()) {
    for (const b of cards.slice(i + 1)) {
      const apart = a.maxX <= b.minX || b.maxX <= a.minX || a.maxY <= b.minY || b.maxY <= a.minY
      expect(apart, `${a.id} and ${b.id} do not overlap`).toBe(true)
    }
  }
}

async function zoomToFit(page: Page): Promise<void> {
  await page.evaluate(() => {
    const hook = (window as unknown as { __flowmap?: { editor?: { zoomToFit(): void } } }).__flowmap
    hook?.editor?.zoomToFit()
  })
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`layout-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`layout: ${name}`, { path, contentType: 'image/png' })
}

function seed(serverUrl: string, content: MapContent): Promise<string> {
  return seedBoard(serverUrl, {
    title: content.title ?? 'Imported',
    records: [documentRecord(), pageRecord(), ...content.records],
    roles: content.roles,
  })
}

test.use({ viewport: { width: 1400, height: 900 } })

test('a map without geometry opens laid out: lanes as rows, every card inside its lane, none overlapping', async ({
  page,
  server,
}, testInfo) => {
  const content = await draftToContent(orderDraft())
  await openBoard(page, await seed(server.url, content))
  await expect
    .poll(async () => (await shapesOf(page)).length)
    .toBe(content.records.filter((r) => r.typeName === 'shape').length)
  const boxes = await pageBoxes(page)
  expectLaidOut(boxes)
  const lanes = boxes.filter((box) => box.type === 'lane').sort((a, b) => a.minY - b.minY)
  expect(lanes.map((lane) => lane.id)).toEqual(['shape:customer', 'shape:sales', 'shape:warehouse'])
  for (const [i, lane] of lanes.entries()) if (i > 0) expect(lane.minY).toBeCloseTo(lanes[i - 1]!.maxY, 3)
  await zoomToFit(page)
  // The note is drawn with its text (a note's label drawn at size zero is in the DOM but not visible).
  await expect(page.getByText('Stock is checked twice a day')).toBeVisible()
  await screenshot(page, testInfo, 'order-process')
})

test('the same map imported twice into one board lands twice, the second beside the first, overwriting nothing', async ({
  page,
  server,
}, testInfo) => {
  const first = await draftToContent(orderDraft())
  const boardId = await seed(server.url, first)
  await openBoard(page, boardId)
  const before = (await shapesOf(page)).length
  // Where an HTTP import puts it: right of what the board holds.
  const second = placeContent(first, {
    at: pointBeside(first.records, first.records),
    existingRoles: first.roles,
  })
  await seedInto(server.url, boardId, second)
  await expect.poll(async () => (await shapesOf(page)).length).toBe(before * 2)
  const boxes = await pageBoxes(page)
  expect(boxes.filter((box) => box.id === 'shape:customer')).toHaveLength(1)
  expectLaidOut(boxes)
  await zoomToFit(page)
  await screenshot(page, testInfo, 'imported-twice')
})

/** A BPMN diagram whose DI draws the lanes and part of the flow (an editor that saved mid-edit). */
function partlyDrawnDraft() {
  const lane = (id: string, y: number) =>
    draftLane(id, { pool: 'claims', label: id, bounds: { x: 160, y, w: 900, h: 250 } })
  const at = (x: number, y: number) => ({ x, y, w: 100, h: 80 })
  return flowDraft({
    title: 'Claims',
    containers: [lane('Intake', 80), lane('Assessment', 330)],
    nodes: [
      draftNode('start', 'event', { containerId: 'Intake', bounds: { x: 232, y: 187, w: 36, h: 36 } }),
      draftNode('register', 'step', { containerId: 'Intake', label: 'Register claim', bounds: at(320, 165) }),
      draftNode('assess', 'step', { containerId: 'Assessment', label: 'Assess damage' }),
      draftNode('valid', 'decision', {
        containerId: 'Assessment',
        label: 'Valid?',
        bounds: { x: 640, y: 430, w: 50, h: 50 },
      }),
      draftNode('pay', 'step', { containerId: 'Assessment', label: 'Pay out' }),
      draftNode('reject', 'step', { containerId: 'Intake', label: 'Send rejection' }),
      draftNode('memo', 'note', { label: 'Photos required', meta: { nearNodeId: 'assess' } }),
    ],
    edges: sequenceFlows([
      ['start', 'register'],
      ['register', 'assess'],
      ['assess', 'valid'],
      ['valid', 'pay', 'yes'],
      ['valid', 'reject', 'no'],
    ]),
  })
}

test('a partly drawn diagram keeps what is drawn and sets the rest beside it, in its lanes', async ({
  page,
  server,
}, testInfo) => {
  const draft = partlyDrawnDraft()
  const content = await draftToContent(draft)
  await openBoard(page, await seed(server.url, content))
  await expect
    .poll(async () => (await shapesOf(page)).length)
    .toBe(content.records.filter((r) => r.typeName === 'shape').length)
  const boxes = await pageBoxes(page)
  const byId = new Map(boxes.map((box) => [box.id, box]))
  for (const node of draft.nodes) {
    if (node.bounds === null) continue
    expect(byId.get(`shape:${node.id}`)).toMatchObject({ minX: node.bounds.x, minY: node.bounds.y })
  }
  expectLaidOut(boxes)
  await zoomToFit(page)
  await screenshot(page, testInfo, 'partly-drawn')
})

/** Writes more records into an existing board through a real provider, as the importing client would. */
async function seedInto(serverUrl: string, boardId: string, content: MapContent): Promise<void> {
  const writer = connectBoard(collabUrlOf(serverUrl), boardId)
  try {
    await writer.synced
    for (const role of content.roles) writeRole(writer.doc, role)
    writeRecords(writer.doc, content.records)
    await expect
      .poll(() => (writer.rejections.length > 0 ? writer.rejections : writer.provider.hasUnsyncedChanges))
      .toBe(false)
  } finally {
    writer.destroy()
  }
}
