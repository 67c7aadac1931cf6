/**
 * Issue 15, the Activity panel: two people edit and comment on one board (real server, two Chromium
 * contexts in local mode, each with their own name); the Activity tab lists who did what, newest
 * first, keeps up while open, and a group opens replay at its last edit.
 */
import { allSaved, openBoard, openNewBoard } from '../board/flowmap-page.ts'
import { commentOnShape } from '../comments/comments-page.ts'
import { expect, test } from '../fixtures/test.ts'
import {
  activityRows,
  drawStep,
  labelShape,
  openActivityTab,
  replyInThread,
  setMyName,
} from './activity-page.ts'

type ReplayHook = {
  seq: number
  lastSeq: number
  editor: { store: { allRecords(): { typeName: string }[] } } | null
}

test('the Activity tab lists both people with what they did, keeps up, and opens replay at a group', async ({
  openUser,
}, testInfo) => {
  test.setTimeout(180_000)
  const a = await openUser()
  const b = await openUser()
  const boardId = await openNewBoard(a.page)
  await setMyName(a.page, 'Ana')
  const approve = await drawStep(a.page, 0.35, 0.4)
  await labelShape(a.page, approve, 'Approve budget')
  await allSaved(a.page)

  await openBoard(b.page, boardId)
  await setMyName(b.page, 'Dana')
  const pay = await drawStep(b.page, 0.65, 0.6)
  await labelShape(b.page, pay, 'Pay invoice')
  const threadId = await commentOnShape(b.page, approve, 'Who approves this?')
  await allSaved(b.page)

  await expect(a.page.locator(`[data-testid="comment-pin"][data-thread-id="${threadId}"]`)).toBeVisible({
    timeout: 15_000,
  })
  await replyInThread(a.page, threadId, 'The finance lead')
  await a.page.keyboard.press('Escape')
  await allSaved(a.page)

  // Ana opens Activity: newest first, each person's burst one row, in workflow words.
  await openActivityTab(a.page)
  await expect
    .poll(() => activityRows(a.page), { timeout: 30_000 })
    .toEqual([
      'Ana: replied on Approve budget',
      'Dana: added 1 step, started a thread on Approve budget',
      'Ana: added 1 step',
    ])

  // Live: Dana's next edit shows while the tab is open, with no reload.
  const review = await drawStep(b.page, 0.6, 0.15)
  await labelShape(b.page, review, 'Review')
  await allSaved(b.page)
  await expect
    .poll(() => activityRows(a.page), { timeout: 30_000 })
    .toEqual([
      'Dana: added 1 step',
      'Ana: replied on Approve budget',
      'Dana: added 1 step, started a thread on Approve budget',
      'Ana: added 1 step',
    ])
  await a.page.screenshot({ path: testInfo.outputPath('activity-tab.png') })

  // A click on Dana's thread group opens replay at its last edit: the thread start.
  const started = a.page.getByTestId('activity.group').nth(2)
  await expect(started).toHaveAccessibleName(
    /^Dana at .*: added 1 step, started a thread on Approve budget\. Open in replay$/,
  )
  const startedSeq = Number(await started.getAttribute('data-last-seq'))
  await started.click()
  const replay = a.page.getByTestId('replay')
  await expect(replay).toBeVisible()
  await expect
    .poll(() =>
      a.page.evaluate(() => (window as unknown as { __flowmapReplay?: ReplayHook }).__flowmapReplay?.seq),
    )
    .toBe(startedSeq)
  await expect(replay.getByTestId('replay.caption')).toHaveText('Dana started a thread on Approve budget')
  // The comment is part of the replayed moment.
  const commentTypes = () =>
    a.page.evaluate(() =>
      (window as unknown as { __flowmapReplay?: ReplayHook }).__flowmapReplay?.editor?.store
        .allRecords()
        .filter((record) => record.typeName.startsWith('comment'))
        .map((record) => record.typeName)
        .sort(),
    )
  await expect.poll(commentTypes).toEqual(['comment', 'comment-thread'])
  await a.page.screenshot({ path: testInfo.outputPath('replay-at-group.png') })
  await a.page.getByTestId('replay.close').click()
  await expect(replay).toBeHidden()

  // By keyboard: the row is a button, Enter opens replay at Ana's reply, whose caption says so.
  const replied = a.page.getByTestId('activity.group').nth(1)
  const repliedSeq = Number(await replied.getAttribute('data-last-seq'))
  await replied.focus()
  await a.page.keyboard.press('Enter')
  await expect(replay).toBeVisible()
  await expect
    .poll(() =>
      a.page.evaluate(() => (window as unknown as { __flowmapReplay?: ReplayHook }).__flowmapReplay?.seq),
    )
    .toBe(repliedSeq)
  await expect(replay.getByTestId('replay.caption')).toHaveText('Ana replied on Approve budget')
  // That moment holds the reply: two messages on the thread.
  await expect.poll(commentTypes).toEqual(['comment', 'comment', 'comment-thread'])
  await a.page.keyboard.press('Escape')
  await expect(replay).toBeHidden()

  // The replay button still opens at the latest moment.
  await a.page.getByTestId('replay.open').click()
  await expect
    .poll(() =>
      a.page.evaluate(() => {
        const hook = (window as unknown as { __flowmapReplay?: ReplayHook }).__flowmapReplay
        return hook && hook.lastSeq > 0 ? hook.seq === hook.lastSeq : null
      }),
    )
    .toBe(true)
})
