/** The delete confirmation says the server's retention, whatever it is set to. */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { DeleteBoardDialog, restoreWindow } from './DeleteBoardDialog.tsx'

/** The dialog's words as React renders them (tags dropped). */
function dialogText(retentionDays: number | null): string {
  const props = { title: 'Payroll', retentionDays, onConfirm() {}, onCancel() {} }
  return renderToStaticMarkup(createElement(DeleteBoardDialog, props))
    .replace(/<[^>]+>/g, '')
    .replace(/<!-- -->/g, '')
}

test("the delete dialog says the server's retention in days, not a fixed 30", () => {
  const text = dialogText(7)
  expect(text).toContain('restore it with all its content for 7 days, then it is purged')
  expect(text).not.toContain('30')
})

test('the delete dialog names no figure when the server did not say one', () => {
  const text = dialogText(null)
  expect(text).toContain('restore it with all its content until the server purges it')
  expect(text).not.toMatch(/\d+ days?/)
})

test('a retention of one day, or of less than one, reads as such', () => {
  expect(restoreWindow(1)).toBe('for 1 day, then it is purged')
  expect(restoreWindow(0.01)).toBe('for less than a day, then it is purged')
  expect(restoreWindow(30)).toBe('for 30 days, then it is purged')
})
