import type { BoardRole } from '@flowmap/shared'
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test'
import { issueToken } from '../../sync-server/src/auth/tokens.ts'
import { canvasPoint, clickAt, shapesOfType, waitForBoard } from '../board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from '../fixtures/flowmap-server.ts'
import { expect, test } from '../fixtures/test.ts'

/**
 * A live workshop (issue 13, points 3 and 9): one facilitator and two participants, each in a browser
 * context of their own with a share link of their role, on a server that requires links. The
 * facilitator summons, has everyone follow, takes control; the laser and reactions reach everyone.
 */
const SECRET = 'e2e-attention-secret-with-enough-entropy-0123456789'
const POLL = { timeout: 20_000 }

let server: FlowmapServerProcess
const contexts: BrowserContext[] = []
test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: SECRET })
})
// Three or four browsers per test on a loaded machine: more time than one page's test gets.
test.beforeEach(() => test.setTimeout(180_000))
test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close()
})
test.afterAll(async () => {
  await server?.stop()
})

type Box = { x: number; y: number; w: number; h: number }

function token(board: string, sub: string, role: BoardRole): Promise<string> {
  return issueToken(SECRET, { sub, name: sub, board, role }, new Date(Date.now() + 86_400_000))
}

async function createBoard(title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token('*', 'Fay', 'facilitator')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title }),
  })
  if (!response.ok) throw new Error(`POST /api/boards: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { id: string }).id
}

async function openAs(browser: Browser, boardId: string, name: string, role: BoardRole): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`/b/${boardId}?token=${await token(boardId, name, role)}`)
  await waitForBoard(page)
  return page
}

/** A facilitator and two participants on a board with two steps far apart. */
async function workshop(browser: Browser, title: string) {
  const boardId = await createBoard(title)
  const fay = await openAs(browser, boardId, 'Fay', 'facilitator')
  for (const [fx, fy] of [
    [0.25, 0.35],
    [0.6, 0.6],
  ] as const) {
    await fay.getByTestId('tools.step').click()
    await clickAt(fay, await canvasPoint(fay, fx, fy))
  }
  await expect.poll(async () => (await shapesOfType(fay, 'step')).length, POLL).toBe(2)
  const ada = await openAs(browser, boardId, 'Ada', 'editor')
  const bob = await openAs(browser, boardId, 'Bob', 'editor')
  // Everyone sees everyone (the follow needs the leader's presence).
  for (const page of [fay, ada, bob]) {
    await expect(page.getByTestId('people-button'), 'three people on the board').toHaveText(
      'People (3)',
      POLL,
    )
  }
  return { boardId, fay, ada, bob }
}

function viewportOf(page: Page): Promise<Box> {
  return page.evaluate(() => {
    type Editor = { getViewportPageBounds(): Box }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    const { x, y, w, h } = editor.getViewportPageBounds()
    return { x, y, w, h }
  })
}

function setCamera(page: Page, camera: { x: number; y: number; z: number }): Promise<void> {
  return page.evaluate((to) => {
    type Editor = { setCamera(to: { x: number; y: number; z: number }, opts: object): void }
    ;(window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.setCamera(to, {
      immediate: true,
    })
  }, camera)
}

function zoomToFit(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Editor = { zoomToFit(opts: object): void }
    ;(window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.zoomToFit({ immediate: true })
  })
}

function followingOf(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    type Editor = { getInstanceState(): { followingUserId: string | null } }
    return (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.getInstanceState()
      .followingUserId
  })
}

function userIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Editor = { user: { getId(): string } }
    return `user:${(window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.user.getId()}`
  })
}

/** How far apart two viewports are: the largest difference of an edge, in page units. */
async function viewportGap(a: Page, b: Page): Promise<number> {
  const [one, two] = await Promise.all([viewportOf(a), viewportOf(b)])
  return Math.max(
    Math.abs(one.x - two.x),
    Math.abs(one.y - two.y),
    Math.abs(one.x + one.w - (two.x + two.w)),
    Math.abs(one.y + one.h - (two.y + two.h)),
  )
}

/** A participant's own pan: the mouse wheel over the canvas, as a person scrolls the board. */
async function panByWheel(page: Page): Promise<void> {
  const middle = await canvasPoint(page, 0.5, 0.5)
  await page.mouse.move(middle.x, middle.y)
  await page.mouse.wheel(240, 160)
}

async function attention(page: Page, action: 'summon' | 'follow' | 'take-control' | 'release') {
  await page.getByTestId('attention-button').click()
  await page.getByTestId(`attention-${action}`).click()
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(name) })
}

test('"bring everyone to me" moves both participants\' viewports to the facilitator\'s', async ({
  browser,
}, testInfo) => {
  const { fay, ada, bob } = await workshop(browser, 'Summon')
  await expect(ada.getByTestId('attention-button'), 'only a facilitator is offered attention').toHaveCount(0)
  // Everyone looks somewhere else; the facilitator looks at the two steps, close up.
  await setCamera(ada, { x: 3000, y: -2000, z: 0.5 })
  await setCamera(bob, { x: -4000, y: 1500, z: 2 })
  await zoomToFit(fay)
  expect(await viewportGap(fay, ada)).toBeGreaterThan(100)

  await attention(fay, 'summon')
  await expect.poll(() => viewportGap(fay, ada), POLL).toBeLessThan(1)
  await expect.poll(() => viewportGap(fay, bob), POLL).toBeLessThan(1)
  // A summon is one jump, not a follow: each is free to look around afterwards.
  expect(await followingOf(ada)).toBeNull()
  await expect.poll(async () => (await ada.locator('.tl-shape').count()) >= 2, POLL).toBe(true)
  await screenshot(ada, testInfo, 'attention-summoned.png')
})

test('"follow me" has both participants follow until one of them pans', async ({ browser }) => {
  const { fay, ada, bob } = await workshop(browser, 'Follow me')
  const leader = await userIdOf(fay)
  await attention(fay, 'follow')
  await expect.poll(() => followingOf(ada), POLL).toBe(leader)
  await expect.poll(() => followingOf(bob), POLL).toBe(leader)
  await expect(ada.getByTestId('following-banner')).toContainText('Fay')

  await setCamera(fay, { x: 800, y: 400, z: 1 })
  await expect.poll(() => viewportGap(fay, ada), POLL).toBeLessThan(1)
  await expect.poll(() => viewportGap(fay, bob), POLL).toBeLessThan(1)

  // Ada pans: her follow ends; Bob's goes on.
  await panByWheel(ada)
  await expect.poll(() => followingOf(ada), POLL).toBeNull()
  await setCamera(fay, { x: -600, y: -300, z: 1.5 })
  await expect.poll(() => viewportGap(fay, bob), POLL).toBeLessThan(1)
  expect(await viewportGap(fay, ada)).toBeGreaterThan(100)
  expect(await followingOf(bob)).toBe(leader)
})

test('"take control" survives the participants\' pans, reaches a late joiner, and ends on release', async ({
  browser,
}, testInfo) => {
  const { boardId, fay, ada, bob } = await workshop(browser, 'Take control')
  const leader = await userIdOf(fay)
  await attention(fay, 'take-control')
  await expect(fay.getByTestId('attention-button')).toHaveText('You have control')
  await expect.poll(() => followingOf(ada), POLL).toBe(leader)
  await expect(ada.getByTestId('control-banner')).toHaveText('Fay has control of your view')

  // Ada tries to look elsewhere: the wheel does nothing and she keeps following.
  await panByWheel(ada)
  await panByWheel(bob)
  await zoomToFit(fay)
  await expect.poll(() => viewportGap(fay, ada), POLL).toBeLessThan(1)
  await expect.poll(() => viewportGap(fay, bob), POLL).toBeLessThan(1)
  expect(await followingOf(ada)).toBe(leader)

  // Someone who joins now is held too: the server sends the take-control on connect.
  const carl = await openAs(browser, boardId, 'Carl', 'editor')
  await expect.poll(() => followingOf(carl), POLL).toBe(leader)
  await expect(carl.getByTestId('control-banner')).toBeVisible()
  await expect.poll(() => viewportGap(fay, carl), POLL).toBeLessThan(1)
  await screenshot(ada, testInfo, 'attention-take-control.png')

  await attention(fay, 'release')
  await expect(ada.getByTestId('control-banner')).toHaveCount(0, POLL)
  await expect.poll(() => followingOf(ada), POLL).toBeNull()
  // Released: her own pan moves her view again.
  const before = await viewportOf(ada)
  await panByWheel(ada)
  await expect.poll(async () => (await viewportOf(ada)).x, POLL).not.toBe(before.x)
})

/** The laser points of others this page's editor holds (what tldraw draws as their lasers). */
function laserPointsSeenBy(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Presence = { scribbles: { color: string; points: unknown[] }[] }
    type Editor = { getCollaborators(): Presence[] }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    return editor
      .getCollaborators()
      .flatMap((presence) => presence.scribbles)
      .filter((scribble) => scribble.color === 'laser')
      .reduce((sum, scribble) => sum + scribble.points.length, 0)
  })
}

test("the facilitator's laser is drawn on a participant's page, and fades there", async ({
  browser,
}, testInfo) => {
  const { fay, ada } = await workshop(browser, 'Laser')
  for (const page of [fay, ada]) await setCamera(page, { x: 0, y: 0, z: 1 })
  await fay.evaluate(() => {
    type Editor = { setCurrentTool(id: string): void }
    ;(window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.setCurrentTool('laser')
  })
  const start = await canvasPoint(fay, 0.2, 0.3)
  await fay.mouse.move(start.x, start.y)
  await fay.mouse.down()
  for (const [fx, fy] of [
    [0.35, 0.5],
    [0.5, 0.3],
    [0.65, 0.5],
  ] as const) {
    const to = await canvasPoint(fay, fx, fy)
    await fay.mouse.move(to.x, to.y, { steps: 8 })
  }
  // Ada sees the stroke while Fay holds the pointer down.
  await expect.poll(() => laserPointsSeenBy(ada), POLL).toBeGreaterThan(5)
  await screenshot(ada, testInfo, 'attention-laser.png')
  await fay.mouse.up()
  // Once Fay lets go her trail fades on her page, and with it on Ada's.
  await expect.poll(() => laserPointsSeenBy(ada), POLL).toBe(0)
})

test("a reaction floats up on the others' pages, and on a phone too", async ({ browser }, testInfo) => {
  const { boardId, fay, ada, bob } = await workshop(browser, 'Reactions')
  // A reaction floats for a few seconds: everyone's page is watched from before it is sent.
  const seenByAll = Promise.all(
    [fay, bob, ada].map((page) =>
      expect(
        page.getByTestId('floating-reaction').filter({ hasText: '🎉' }).filter({ hasText: 'Ada' }),
        'everyone sees it, with who sent it',
      ).toHaveCount(1, POLL),
    ),
  )
  await ada.getByTestId('reactions-button').click()
  await ada.getByTestId('reaction-celebrate').click()
  await seenByAll
  await screenshot(fay, testInfo, 'reactions.png')

  // A phone: the picker's buttons are a finger wide, and a reaction from there reaches the facilitator.
  const phoneContext = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  })
  contexts.push(phoneContext)
  const phone = await phoneContext.newPage()
  await phone.goto(`/b/${boardId}?token=${await token(boardId, 'Pia', 'editor')}`)
  await waitForBoard(phone)
  await phone.getByTestId('reactions-button').tap()
  const thumbs = phone.getByTestId('reaction-thumbs-up')
  const size = await thumbs.boundingBox()
  expect(size?.width, 'a 44 px target').toBeGreaterThanOrEqual(44)
  expect(size?.height, 'a 44 px target').toBeGreaterThanOrEqual(44)
  // Both pages are watched from before the tap: the reaction floats only a few seconds on each.
  const seenFromPhone = Promise.all(
    (
      [
        [fay, 'Pia', 'the facilitator sees it, from the phone'],
        [phone, '👍', 'the phone shows its own'],
      ] as const
    ).map(([page, text, what]) =>
      expect(page.getByTestId('floating-reaction').filter({ hasText: text }), what).toHaveCount(1, POLL),
    ),
  )
  await thumbs.tap()
  await seenFromPhone
  await screenshot(phone, testInfo, 'reactions-phone.png')
})
