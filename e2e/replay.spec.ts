/**
 * Issue 7 end to end: two people (a facilitator and an editor, each with a share-link token) edit a
 * board in two real Chromium windows against the real server; then replay shows exactly the recorded
 * board at three moments (checked through the replay's store and a screenshot), a facilitator names a
 * moment and restores one, and the editor, back on the board, is told what changed since their visit.
 */
import { type Browser, expect, type Page, test } from '@playwright/test'
import { issueToken } from '../sync-server/src/auth/tokens.ts'
import { storeFlushed } from './board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from './fixtures/flowmap-server.ts'

const SECRET = 'flowmap-e2e-replay-secret-0123456789'

type Shape = { id: string; type: string; x: number; y: number; props: Record<string, unknown> }

let server: FlowmapServerProcess

test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: SECRET })
})
test.afterAll(async () => {
  await server?.stop()
})

function token(sub: string, name: string, role: 'facilitator' | 'editor'): Promise<string> {
  return issueToken(SECRET, { sub, name, board: '*', role }, new Date(Date.now() + 3_600_000))
}

async function api<T>(path: string, bearer: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

async function openAs(browser: Browser, boardId: string, bearer: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`/b/${boardId}?token=${encodeURIComponent(bearer)}`)
  await page.waitForFunction(() => {
    const hook = (window as unknown as { __flowmap?: { editor?: unknown; doc?: unknown } }).__flowmap
    return Boolean(hook?.editor && hook?.doc)
  })
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', {
    timeout: 30_000,
  })
  return page
}

/** The live board's shapes, as the editor has them. */
function liveShapes(page: Page): Promise<Shape[]> {
  return page.evaluate(() => {
    type Editor = { getCurrentPageShapes(): Shape[] }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    return editor
      .getCurrentPageShapes()
      .map(({ id, type, x, y, props }) => ({ id, type, x, y, props }))
      .sort((a, b) => a.id.localeCompare(b.id))
  })
}

/** The replay view's shapes, from its own (read-only, unsynced) store. */
function replayShapes(page: Page): Promise<Shape[]> {
  return page.evaluate(() => {
    type Editor = { getCurrentPageShapes(): Shape[] }
    const editor = (window as unknown as { __flowmapReplay?: { editor: Editor | null } }).__flowmapReplay
      ?.editor
    return (editor?.getCurrentPageShapes() ?? [])
      .map(({ id, type, x, y, props }) => ({ id, type, x, y, props }))
      .sort((a, b) => a.id.localeCompare(b.id))
  })
}

type EditAction =
  | { op: 'create'; shape: Record<string, unknown> }
  | { op: 'update'; shape: Record<string, unknown> }
  | { op: 'delete'; ids: string[] }

/** A scripted edit through the editor's API (what a tool would do), as that person. */
function edit(page: Page, action: EditAction): Promise<void> {
  return page.evaluate((a) => {
    type Editor = {
      createShape(shape: unknown): void
      updateShape(shape: unknown): void
      deleteShapes(ids: string[]): void
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    if (a.op === 'create') editor.createShape(a.shape)
    else if (a.op === 'update') editor.updateShape(a.shape)
    else editor.deleteShapes(a.ids)
  }, action)
}

/** Both pages show the same shapes and have nothing left to send: the server has logged it all. */
async function settle(pages: Page[]): Promise<void> {
  // An edit just made reaches the doc (and the provider's count) on the next frame: count it first.
  await Promise.all(pages.map(storeFlushed))
  await expect
    .poll(async () => {
      const [first, ...rest] = await Promise.all(pages.map(liveShapes))
      const same = rest.every((shapes) => JSON.stringify(shapes) === JSON.stringify(first))
      const sent = await Promise.all(
        pages.map((page) =>
          page.evaluate(
            () =>
              (window as unknown as { __flowmap: { provider?: { hasUnsyncedChanges: boolean } } }).__flowmap
                .provider?.hasUnsyncedChanges === false,
          ),
        ),
      )
      return same && sent.every(Boolean)
    })
    .toBe(true)
}

test('replay shows exactly the recorded board at three moments, names a moment, and restores one', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const fayToken = await token('fay', 'Fay', 'facilitator')
  const eliToken = await token('eli', 'Eli', 'editor')
  const { id: boardId } = await api<{ id: string }>('/api/boards', fayToken, {
    method: 'POST',
    body: JSON.stringify({ title: 'Order to cash' }),
  })
  const fay = await openAs(browser, boardId, fayToken)
  const eli = await openAs(browser, boardId, eliToken)
  const lastSeq = async () => (await api<{ lastSeq: number }>(`/api/boards/${boardId}`, fayToken)).lastSeq
  const moments: { seq: number; shapes: Shape[] }[] = []
  const recordMoment = async () => {
    await settle([fay, eli])
    moments.push({ seq: await lastSeq(), shapes: await liveShapes(fay) })
  }

  // Round 1: Fay adds the intake step, Eli a review step.
  await edit(fay, {
    op: 'create',
    shape: { id: 'shape:intake', type: 'step', x: 100, y: 120, props: { label: 'Intake' } },
  })
  await edit(eli, {
    op: 'create',
    shape: { id: 'shape:review', type: 'step', x: 420, y: 120, props: { label: 'Review' } },
  })
  await recordMoment()
  // Round 2: Eli renames review and moves intake down; Fay adds a decision.
  await edit(eli, {
    op: 'update',
    shape: { id: 'shape:review', type: 'step', props: { label: 'Review order' } },
  })
  await edit(eli, { op: 'update', shape: { id: 'shape:intake', type: 'step', x: 100, y: 320 } })
  await edit(fay, {
    op: 'create',
    shape: { id: 'shape:approve', type: 'decision', x: 720, y: 120, props: { question: 'Approved?' } },
  })
  await recordMoment()
  // Round 3: Fay deletes intake; Eli marks review as doing.
  await edit(fay, { op: 'delete', ids: ['shape:intake'] })
  await edit(eli, { op: 'update', shape: { id: 'shape:review', type: 'step', props: { status: 'doing' } } })
  await recordMoment()
  expect(moments.map((moment) => moment.shapes.length)).toEqual([2, 3, 2])

  // Replay, opened by the facilitator: history loads, then each moment shows exactly its recorded board.
  const liveBefore = await liveShapes(fay)
  await fay.getByTestId('replay.open').click()
  const scrubber = fay.getByTestId('replay.scrubber')
  await expect(scrubber).toBeVisible({ timeout: 30_000 })
  await expect(scrubber).toHaveAttribute('max', String(moments[2]!.seq))
  for (const [index, moment] of moments.entries()) {
    await scrubber.fill(String(moment.seq))
    await expect(fay.getByTestId('replay.position')).toContainText(`Edit ${moment.seq} of`)
    await expect.poll(() => replayShapes(fay)).toEqual(moment.shapes)
    const shot = await fay
      .getByTestId('replay')
      .screenshot({ path: testInfo.outputPath(`replay-moment-${index + 1}.png`) })
    await testInfo.attach(`replay at moment ${index + 1} (seq ${moment.seq})`, {
      body: shot,
      contentType: 'image/png',
    })
  }
  // Step back one edit from the last moment: the caption names who made the edit shown.
  await fay.getByTestId('replay.previous').click()
  await expect(fay.getByTestId('replay.position')).toContainText(`Edit ${moments[2]!.seq - 1} of`)
  await expect(fay.getByTestId('replay.caption')).toContainText(/Fay|Eli/)
  // Only Eli's edits: "next" from moment 1 lands on Eli's rename.
  await scrubber.fill(String(moments[0]!.seq))
  await fay.getByRole('button', { name: /^Eli ·/ }).click()
  await fay.getByTestId('replay.next').click()
  await expect(fay.getByTestId('replay.caption')).toContainText('Eli')
  await expect
    .poll(async () => (await replayShapes(fay)).find((s) => s.id === 'shape:review')?.props.label)
    .toBe('Review order')
  // Play at 32x from the start of Eli's edits (the filter is still on) runs to Eli's last edit and stops.
  await fay.getByTestId('replay.speed').selectOption('32')
  await scrubber.fill('0')
  // At 32x the run can end before a poll would see "Pause": the page itself notes that it played.
  const played = fay.getByTestId('replay.play').evaluate(
    (button) =>
      new Promise<boolean>((resolve) => {
        const observer = new MutationObserver(() => {
          if (button.textContent !== 'Pause') return
          observer.disconnect()
          resolve(true)
        })
        observer.observe(button, { childList: true, characterData: true, subtree: true })
      }),
  )
  await fay.getByTestId('replay.play').click()
  expect(await played).toBe(true)
  await expect(fay.getByTestId('replay.play')).toHaveText('Play', { timeout: 10_000 })
  await expect.poll(() => replayShapes(fay)).toEqual(moments[2]!.shapes)
  await fay.getByRole('button', { name: /^Eli ·/ }).click()

  // The live board underneath was never touched by any of this.
  expect(await liveShapes(fay)).toEqual(liveBefore)

  // A named version shows on the timeline and in the API.
  await scrubber.fill(String(moments[0]!.seq))
  fay.once('dialog', (dialog) => dialog.accept('after round 1'))
  await fay.getByTestId('replay.name-version').click()
  await expect(fay.getByTestId('replay.version')).toHaveText('after round 1')
  const { versions } = await api<{ versions: { seq: number; name: string }[] }>(
    `/api/boards/${boardId}/versions`,
    eliToken,
  )
  expect(versions).toEqual([expect.objectContaining({ seq: moments[0]!.seq, name: 'after round 1' })])

  // Restore moment 1: both live boards become exactly that board, as one new entry by Fay.
  const seqBeforeRestore = await lastSeq()
  fay.once('dialog', (dialog) => dialog.accept())
  await fay.getByTestId('replay.restore').click()
  await expect(fay.getByTestId('replay')).toBeHidden()
  await expect.poll(() => liveShapes(fay)).toEqual(moments[0]!.shapes)
  await expect.poll(() => liveShapes(eli)).toEqual(moments[0]!.shapes)
  await settle([fay, eli])
  expect(await lastSeq()).toBe(seqBeforeRestore + 1)
  const page = await api<{ entries: { seq: number; userId: string }[] }>(
    `/api/boards/${boardId}/history?after=0&limit=1000`,
    fayToken,
  )
  expect(page.entries.map((entry) => entry.seq)).toEqual(
    Array.from({ length: seqBeforeRestore + 1 }, (_, index) => index + 1),
  )
  expect(page.entries.at(-1)?.userId).toBe('fay')
  await fay.screenshot({ path: testInfo.outputPath('live-after-restore.png') })

  // The restore can itself be undone by restoring the moment just before it.
  await fay.getByTestId('replay.open').click()
  await expect(scrubber).toBeVisible({ timeout: 30_000 })
  await scrubber.fill(String(seqBeforeRestore))
  fay.once('dialog', (dialog) => dialog.accept())
  await fay.getByTestId('replay.restore').click()
  await expect.poll(() => liveShapes(eli)).toEqual(moments[2]!.shapes)

  // Eli watched all of this live (his own edits included): once the board has told his page the
  // latest, a reload has nothing "since your last visit" to tell.
  const banner = eli.getByTestId('since-visit')
  const seenByEli = () =>
    eli.evaluate((key) => window.localStorage.getItem(key), `flowmap:last-seen:eli:${boardId}`)
  const eliOnline = () =>
    expect(eli.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', {
      timeout: 30_000,
    })
  await expect.poll(seenByEli).toBe(String(await lastSeq()))
  await eli.reload()
  await eliOnline()
  // The point of the wait: the banner would appear within one history fetch, and must not.
  await eli.waitForTimeout(1_000)
  await expect(banner).toBeHidden()

  // Eli leaves; Fay adds a step while he is away; Eli comes back: the banner names what Fay did, and
  // nothing Eli saw happen or did himself, with the new step outlined.
  await eli.goto('/')
  await expect(eli.getByRole('heading', { name: 'Your boards' })).toBeVisible()
  await edit(fay, {
    op: 'create',
    shape: { id: 'shape:ship', type: 'step', x: 420, y: 420, props: { label: 'Ship' } },
  })
  await settle([fay])
  await eli.goto(`/b/${boardId}?token=${encodeURIComponent(eliToken)}`)
  await expect(banner).toBeVisible({ timeout: 30_000 })
  await expect(banner.getByTestId('since-visit.person')).toHaveText(['Fay: 1 added'])
  await expect(eli.locator('.flowmap-outlines--since-visit [data-shape-id="shape:ship"]')).toBeVisible()
  await eli.screenshot({ path: testInfo.outputPath('since-last-visit.png') })
  await eli.getByTestId('since-visit.dismiss').click()
  await expect(banner).toBeHidden()
  // Dismissed, and on the board since: a reload tells nothing new.
  await expect.poll(seenByEli).toBe(String(await lastSeq()))
  await eli.reload()
  await eliOnline()
  // The point of the wait: the banner would appear within one history fetch, and must not.
  await eli.waitForTimeout(1_000)
  await expect(banner).toBeHidden()
  await fay.context().close()
  await eli.context().close()
})
