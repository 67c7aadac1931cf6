/**
 * The edits the fan-out benchmark makes: valid Flowmap records, so that Flowmap's server validates them
 * on its real path. Each editor owns one step and moves it (what a drag sends, the most frequent edit
 * on a board); every tenth edit also renames it, so string props travel too.
 */
import type { writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'

/** Fractional index keys a1..a9, aA..aZ, aa..az: one per editor, enough for 61 of them. */
const INDEX_DIGITS = '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function stepRecord(editorIndex: number, seq: number) {
  const digit = INDEX_DIGITS[editorIndex]
  if (digit === undefined) throw new Error(`at most ${INDEX_DIGITS.length} editors, got index ${editorIndex}`)
  return workflowShape('step', {
    id: `bench-step-${editorIndex}`,
    x: 100 + (seq % 500) * 4,
    y: 100 + editorIndex * 120,
    index: `a${digit}`,
    props: { label: `Step ${editorIndex}.${Math.floor(seq / 10)}` },
  })
}

export type BenchRecord = Parameters<typeof writeRecord>[1]
