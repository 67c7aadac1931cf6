import type { Page } from '@playwright/test'
import { dropSocket, openWorkshopMenu, waitForBoard } from '../board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from '../fixtures/flowmap-server.ts'
import { expect, test, WITH_SERVICE_WORKER } from '../fixtures/test.ts'
import { createWorkshopBoard, joinWorkshop, tokenFor, WORKSHOP_SECRET } from './workshop-people.ts'

test.use(WITH_SERVICE_WORKER)

/**
 * Private mode (issue 13, point 8): while the facilitator's private brainstorm is on, each participant's
 * new sticky notes are on their own page only (a reload keeps them); when the facilitator ends it, all
 * of them appear on every page at once.
 */
let server: FlowmapServerProcess
test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: WORKSHOP_SECRET })
})
test.afterAll(async () => {
  await server?.stop()
})

type EditorHook = {
  __flowmap: {
    editor: {
      createShape(shape: unknown): void
      getCurrentPageShapes(): { type: string; props: { richText?: unknown } }[]
    }
  }
}

/** Adds a sticky note as the person would (an editor call, so the store sees a user change). */
function addNote(page: Page, text: string, x: number, y: number): Promise<void> {
  return page.evaluate(
    ({ text, x, y }) => {
      const richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
      ;(window as unknown as EditorHook).__flowmap.editor.createShape({
        type: 'note',
        x,
        y,
        props: { richText },
      })
    },
    { text, x, y },
  )
}

/** The texts of the notes on the page, sorted. */
function notesOn(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as EditorHook).__flowmap.editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => JSON.stringify(shape.props.richText).match(/"text":"([^"]*)"/)?.[1] ?? '')
      .sort(),
  )
}

/** A step: an ordinary change the person's connection sends after the note, so it arrives after it. */
function addStep(page: Page, x: number): Promise<void> {
  return page.evaluate((x) => {
    ;(window as unknown as EditorHook).__flowmap.editor.createShape({ type: 'step', x, y: 400 })
  }, x)
}

function stepsOn(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as EditorHook).__flowmap.editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'step').length,
  )
}

test('private notes stay on their author’s page until the facilitator ends private mode, then all appear everywhere', async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000)
  const boardId = await createWorkshopBoard(server, 'Private brainstorm')
  const fay = await joinWorkshop(browser, server, boardId, { name: 'Fay', role: 'facilitator' })
  const ada = await joinWorkshop(browser, server, boardId, { name: 'Ada', role: 'editor' })
  const bob = await joinWorkshop(browser, server, boardId, { name: 'Bob', role: 'editor' })

  await expect(ada.page.getByTestId('private-open'), 'only a facilitator starts or ends it').toHaveCount(0)
  await openWorkshopMenu(fay.page)
  await fay.page.getByTestId('private-open').click()
  await fay.page.getByTestId('private-start').click()
  for (const person of [fay, ada, bob]) await expect(person.page.getByTestId('private-banner')).toBeVisible()

  await addNote(ada.page, 'Ada secret idea', 100, 150)
  await addNote(bob.page, 'Bob secret idea', 400, 150)
  // Each then makes an ordinary edit: once the others have it, anything sent before it has arrived too.
  await addStep(ada.page, 100)
  await addStep(bob.page, 400)
  for (const person of [fay, ada, bob]) await expect.poll(() => stepsOn(person.page)).toBe(2)
  expect(await notesOn(ada.page)).toEqual(['Ada secret idea'])
  expect(await notesOn(bob.page)).toEqual(['Bob secret idea'])
  expect(await notesOn(fay.page), 'the facilitator sees no one’s private notes').toEqual([])
  await expect(ada.page.getByTestId('private-draft-label')).toHaveText('private — only you see this')
  await ada.page.screenshot({ path: testInfo.outputPath('private-mode-drafts.png') })

  // A reload keeps the draft on Ada's device, still private.
  await ada.page.reload()
  await waitForBoard(ada.page)
  await expect.poll(() => notesOn(ada.page)).toEqual(['Ada secret idea'])
  await expect(ada.page.getByTestId('private-draft-label')).toHaveCount(1)
  expect(await notesOn(bob.page)).toEqual(['Bob secret idea'])

  await openWorkshopMenu(fay.page)
  await fay.page.getByTestId('private-end').click()
  for (const person of [fay, ada, bob]) {
    await expect
      .poll(() => notesOn(person.page), { message: `${person.name} sees every note`, timeout: 20_000 })
      .toEqual(['Ada secret idea', 'Bob secret idea'])
    await expect(person.page.getByTestId('private-banner')).toHaveCount(0)
    await expect(person.page.getByTestId('private-draft-label')).toHaveCount(0)
  }
  await fay.page.screenshot({ path: testInfo.outputPath('private-mode-revealed.png') })

  // Revealed notes are board content now: a reload shows them from the doc, once.
  await bob.page.reload()
  await waitForBoard(bob.page)
  await expect.poll(() => notesOn(bob.page)).toEqual(['Ada secret idea', 'Bob secret idea'])

  for (const person of [fay, ada, bob]) await person.context.close()
})

/** Who the server's history names for each entry whose update carries `text`. */
async function historySendersOf(boardId: string, text: string): Promise<(string | null)[]> {
  const token = await tokenFor(boardId, 'e2e-auditor', 'Auditor', 'facilitator')
  const response = await fetch(`${server.url}/api/boards/${boardId}/history?limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const body = (await response.json()) as { entries: { userId: string | null; update: string }[] }
  return body.entries
    .filter((entry) => Buffer.from(entry.update, 'base64').includes(Buffer.from(text, 'utf8')))
    .map((entry) => entry.userId)
}

test('an anonymous brainstorm reveals notes as nobody’s, and a participant offline at the end reveals when back', async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000)
  const boardId = await createWorkshopBoard(server, 'Anonymous brainstorm')
  const fay = await joinWorkshop(browser, server, boardId, { name: 'Fay', role: 'facilitator' })
  const ada = await joinWorkshop(browser, server, boardId, { name: 'Ada', role: 'editor' })
  const bob = await joinWorkshop(browser, server, boardId, { name: 'Bob', role: 'editor' })

  await openWorkshopMenu(fay.page)
  await fay.page.getByTestId('private-open').click()
  await fay.page.getByTestId('private-anonymous').check()
  await fay.page.getByTestId('private-start').click()
  await expect(ada.page.getByTestId('private-banner')).toContainText('without your name')

  await addNote(ada.page, 'Ada nameless idea', 100, 150)
  await addNote(bob.page, 'Bob nameless idea', 400, 150)
  await expect(bob.page.getByTestId('private-draft-label')).toHaveCount(1)

  // Bob's laptop drops off the network before the end.
  await bob.context.setOffline(true)
  await dropSocket(bob.page)
  await expect(bob.page.getByTestId('connection-status')).not.toHaveAttribute('data-state', 'online')

  await openWorkshopMenu(fay.page)
  await fay.page.getByTestId('private-end').click()
  for (const person of [fay, ada]) {
    await expect.poll(() => notesOn(person.page), { timeout: 20_000 }).toEqual(['Ada nameless idea'])
  }
  expect(await notesOn(bob.page), 'offline, Bob still has his draft').toEqual(['Bob nameless idea'])

  await bob.context.setOffline(false)
  for (const person of [fay, ada, bob]) {
    await expect
      .poll(() => notesOn(person.page), { message: `${person.name} sees both notes`, timeout: 30_000 })
      .toEqual(['Ada nameless idea', 'Bob nameless idea'])
  }
  await expect(bob.page.getByTestId('private-draft-label')).toHaveCount(0)
  await ada.page.screenshot({ path: testInfo.outputPath('private-mode-revealed-anonymous.png') })

  // History (and so replay) names nobody for either note.
  expect(await historySendersOf(boardId, 'Ada nameless idea')).toEqual([null])
  expect(await historySendersOf(boardId, 'Bob nameless idea')).toEqual([null])

  for (const person of [fay, ada, bob]) await person.context.close()
})
