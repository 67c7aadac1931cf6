// @vitest-environment happy-dom
/**
 * The Activity panel in a DOM with React, against the real server (in-process, port 0): it asks for
 * nothing until shown, then lists who did what from the board's history, newest first; new entries
 * appear while it is shown; a row opens replay at its last edit; an unreachable server gets a sentence.
 */
import 'fake-indexeddb/auto'
import { writeRecords } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { ActivityPanel } from './ActivityPanel.tsx'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const server = useTestServer({ per: 'suite', config: {} })
let boardId: string

/** Writes steps as `userId` through a real provider, one acknowledged update each. */
async function addSteps(labels: string[]): Promise<void> {
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({ url: server.collabUrl, name: boardId, document: doc })
  await vi.waitFor(() => expect(provider.isSynced).toBe(true), { timeout: 10_000 })
  for (const label of labels) {
    writeRecords(doc, [workflowShape('step', { id: `s-${label}`, props: { label } })])
    await vi.waitFor(() => expect(provider.unsyncedChanges).toBe(0), { timeout: 10_000 })
  }
  provider.destroy()
  doc.destroy()
}

/** happy-dom's page address: its fetch holds the same-origin policy, as a browser does. */
function setPageUrl(url: string): void {
  ;(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url)
}

beforeAll(async () => {
  setPageUrl(server.url)
  const created = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Activity' }),
  })
  boardId = ((await created.json()) as { id: string }).id
  await addSteps(['Intake', 'Review'])
})

let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
})

function render(shown: boolean, onOpenReplay: (seq: number) => void = () => {}): (shown: boolean) => void {
  root = createRoot(document.body.appendChild(document.createElement('div')))
  const draw = (isShown: boolean) =>
    act(() =>
      root!.render(
        createElement(ActivityPanel, { boardId, token: null, editor: null, shown: isShown, onOpenReplay }),
      ),
    )
  draw(shown)
  return draw
}

const rows = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="activity.group"]')].map((row) => ({
    summary: row.querySelector('[data-testid="activity.summary"]')?.textContent,
    lastSeq: Number(row.dataset.lastSeq),
  }))

test('loads nothing until shown; then lists the groups, keeps up, and a row opens replay at its last edit', async () => {
  setPageUrl(`${server.url}/b/${boardId}`)
  const requests = vi.spyOn(window, 'fetch')
  const opened: number[] = []
  const show = render(false, (seq) => opened.push(seq))
  await act(() => new Promise((resolve) => setTimeout(resolve, 200)))
  expect(requests).not.toHaveBeenCalled()
  expect(document.querySelector('[data-testid="activity.loading"]')?.textContent).toBe('Loading the history…')

  show(true)
  await vi.waitFor(() => expect(rows()).toHaveLength(1), { timeout: 10_000 })
  // The board's creation (its title) and the provider's two steps: one person's burst.
  expect(rows()[0]).toMatchObject({ summary: 'created the board "Activity", added 2 steps' })

  // A new entry appears while shown (the poll; no editor here to hear the board change).
  await addSteps(['Pay'])
  await vi.waitFor(() => expect(rows()[0]?.summary).toBe('created the board "Activity", added 3 steps'), {
    timeout: 15_000,
  })
  const lastSeq = rows()[0]!.lastSeq
  const button = document.querySelector<HTMLButtonElement>('[data-testid="activity.group"]')!
  expect(button.getAttribute('aria-label')).toMatch(
    /: created the board "Activity", added 3 steps\. Open in replay$/,
  )
  act(() => button.click())
  expect(opened).toEqual([lastSeq])
  requests.mockRestore()
})

test("offline, this device's copy of the history is listed, and says so", async () => {
  // The test above loaded this board's history: the device kept a copy.
  setPageUrl(`http://127.0.0.1:9/b/${boardId}`)
  render(true)
  await vi.waitFor(
    () =>
      expect(document.querySelector('[data-testid="activity.offline"]')?.textContent).toMatch(
        /^Offline: showing the \d+ edits this device has seen\. Newer ones appear when the server can be reached\.$/,
      ),
    { timeout: 10_000 },
  )
  expect(rows()[0]?.summary).toBe('created the board "Activity", added 3 steps')
})

test('an unreachable server, with no copy on this device, gets a sentence and a way to try again', async () => {
  setPageUrl('http://127.0.0.1:9/b/never-loaded')
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() =>
    root!.render(
      createElement(ActivityPanel, {
        boardId: 'never-loaded',
        token: null,
        editor: null,
        shown: true,
        onOpenReplay: () => {},
      }),
    ),
  )
  await vi.waitFor(
    () =>
      expect(document.querySelector('[data-testid="activity.failed"]')?.textContent).toMatch(
        /^The activity could not be loaded: the server could not be reached .*\. It shows once the server can be reached\.Try again$/,
      ),
    { timeout: 10_000 },
  )
  expect(rows()).toEqual([])
})
