import type { Page } from '@playwright/test'
import { waitForBoard } from '../board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from '../fixtures/flowmap-server.ts'
import { expect, test } from '../fixtures/test.ts'
import { createWorkshopBoard, joinWorkshop, WORKSHOP_SECRET, type WorkshopPerson } from './workshop-people.ts'

/**
 * The workshop timer (issue 13, point 6): the facilitator runs it, everyone sees the same time left
 * (a participant whose clock is 10 minutes fast too), after a reload and when joining late; at zero
 * every page flashes, and a muted page does not chime.
 */
let server: FlowmapServerProcess
test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: WORKSHOP_SECRET })
})
test.afterAll(async () => {
  await server?.stop()
})

const SKEW_MS = 10 * 60_000

/** Bob's laptop clock runs 10 minutes fast: every Date.now() on his page says so. */
async function skewClock(page: Page): Promise<void> {
  await page.addInitScript((skew) => {
    const realNow = Date.now.bind(Date)
    Date.now = () => realNow() + skew
  }, SKEW_MS)
}

type TimerHook = {
  remainingMs(): number | null
  offsetMs(): number | null
  chimes(): number
  flashes(): number
}

function timerHook(page: Page, key: keyof TimerHook): Promise<number | null> {
  return page.evaluate((which) => {
    const hook = (window as unknown as { __flowmap?: { timer?: TimerHook } }).__flowmap?.timer
    return hook ? hook[which]() : null
  }, key)
}

/** Each page's time left, read one after another as fast as the pages answer. */
async function remainingOn(people: WorkshopPerson[]): Promise<number[]> {
  const read: number[] = []
  for (const person of people) {
    const ms = await timerHook(person.page, 'remainingMs')
    if (ms === null) throw new Error(`${person.name}'s page shows no time left yet`)
    read.push(ms)
  }
  return read
}

/** The pages agree within a second, plus the few ms it took to ask them in turn. */
async function expectSameRemaining(people: WorkshopPerson[]): Promise<void> {
  for (const person of people) {
    await expect.poll(() => timerHook(person.page, 'remainingMs'), { timeout: 20_000 }).not.toBeNull()
  }
  const started = Date.now()
  const read = await remainingOn(people)
  const askedFor = Date.now() - started
  const spread = Math.max(...read) - Math.min(...read)
  expect(
    spread,
    `time left on ${people.map((p, i) => `${p.name}: ${read[i]} ms`).join(', ')}`,
  ).toBeLessThanOrEqual(1000 + askedFor)
  const shown = await Promise.all(people.map((p) => p.page.getByTestId('timer-remaining').textContent()))
  const seconds = shown.map((text) => {
    const [m, s] = (text ?? '').split(':').map(Number)
    return (m ?? Number.NaN) * 60 + (s ?? Number.NaN)
  })
  expect(Math.max(...seconds) - Math.min(...seconds), `shown: ${shown.join(', ')}`).toBeLessThanOrEqual(2)
}

test('the timer shows the same time left on every page, a skewed clock, a reload and a late joiner included; zero flashes', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const boardId = await createWorkshopBoard(server, 'Timed workshop')
  const fay = await joinWorkshop(browser, server, boardId, { name: 'Fay', role: 'facilitator' })
  const ada = await joinWorkshop(browser, server, boardId, { name: 'Ada', role: 'editor' })
  const bob = await joinWorkshop(browser, server, boardId, { name: 'Bob', role: 'editor' }, skewClock)

  // Only the facilitator is offered a timer; participants see nothing until one runs.
  await expect(fay.page.getByTestId('timer-open')).toBeVisible()
  await expect(ada.page.getByTestId('timer')).toHaveCount(0)
  // Bob's page knows its clock is 10 minutes ahead of the server's.
  await expect
    .poll(async () => Math.abs(((await timerHook(bob.page, 'offsetMs')) ?? 0) + SKEW_MS), { timeout: 20_000 })
    .toBeLessThan(1000)

  await fay.page.getByTestId('timer-open').click()
  await fay.page.getByTestId('timer-start-5').click()
  await fay.page.keyboard.press('Escape')
  for (const person of [fay, ada, bob]) {
    await expect(person.page.getByTestId('timer'), `${person.name} sees the timer run`).toHaveAttribute(
      'data-state',
      'running',
    )
  }
  await expectSameRemaining([fay, ada, bob])
  const left = (await timerHook(bob.page, 'remainingMs')) ?? 0
  expect(left, 'a 5 minute countdown just started').toBeGreaterThan(4 * 60_000)
  expect(left).toBeLessThanOrEqual(5 * 60_000)
  await expect(bob.page.getByTestId('timer-chip'), 'a participant cannot run the timer').toBeDisabled()
  await bob.page.screenshot({ path: testInfo.outputPath('timer-running.png') })

  // A reload reads the timer from the doc and the clock anew.
  await bob.page.reload()
  await waitForBoard(bob.page)
  await expectSameRemaining([fay, ada, bob])

  // Pause: every page shows the same frozen time; +1 min adds a minute to it; resume runs on.
  await fay.page.getByTestId('timer-chip').click()
  await fay.page.getByTestId('timer-pause').click()
  for (const person of [fay, ada, bob]) {
    await expect(person.page.getByTestId('timer')).toHaveAttribute('data-state', 'paused')
  }
  const paused = await remainingOn([fay, ada, bob])
  expect(new Set(paused).size, `paused at ${paused.join(', ')}`).toBe(1)
  await fay.page.getByTestId('timer-add-1').click()
  await expect.poll(() => timerHook(ada.page, 'remainingMs')).toBe((paused[0] ?? 0) + 60_000)
  await fay.page.getByTestId('timer-resume').click()
  await fay.page.keyboard.press('Escape')
  await expect(ada.page.getByTestId('timer')).toHaveAttribute('data-state', 'running')

  // Someone joining now sees the same time left.
  const cy = await joinWorkshop(browser, server, boardId, { name: 'Cy', role: 'viewer' })
  await expectSameRemaining([fay, ada, bob, cy])

  // Ada mutes the chime on her device; it stays muted over a reload.
  await ada.page.getByTestId('timer-mute').click()
  await ada.page.reload()
  await waitForBoard(ada.page)
  await expect(ada.page.getByTestId('timer-mute')).toHaveAttribute('aria-pressed', 'true')
  await expect(bob.page.getByTestId('timer-mute')).toHaveAttribute('aria-pressed', 'false')

  // Zero, a few seconds from now (the facilitator's own page writes it, as its controls do).
  await fay.page.evaluate((endsAt) => {
    const doc = (window as unknown as { __flowmap: { doc: import('yjs').Doc } }).__flowmap.doc
    doc.getMap('workshop').set('timer', { state: 'running', endsAt, durationMs: 60_000 })
  }, Date.now() + 4000)
  await expect(bob.page.getByTestId('timer-flash'), "Bob's board flashes at zero").toBeVisible({
    timeout: 20_000,
  })
  await bob.page.screenshot({ path: testInfo.outputPath('timer-zero-flash.png') })
  for (const person of [fay, ada, bob, cy]) {
    await expect(person.page.getByTestId('timer'), `${person.name} sees time's up`).toHaveAttribute(
      'data-state',
      'ended',
      { timeout: 20_000 },
    )
    await expect.poll(() => timerHook(person.page, 'flashes'), `${person.name}'s board flashed once`).toBe(1)
  }
  await expect(bob.page.getByTestId('timer-remaining')).toHaveText('0:00')
  expect(await timerHook(bob.page, 'chimes'), 'Bob hears the chime').toBe(1)
  expect(await timerHook(ada.page, 'chimes'), 'Ada muted it').toBe(0)

  // Reset takes it away for everyone.
  await fay.page.getByTestId('timer-chip').click()
  await fay.page.getByTestId('timer-reset').click()
  await expect(ada.page.getByTestId('timer')).toHaveCount(0)
  await expect(fay.page.getByTestId('timer-open')).toBeVisible()

  for (const person of [fay, ada, bob, cy]) await person.context.close()
})
