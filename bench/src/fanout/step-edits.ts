/**
 * The edits the fan-out benchmark makes: valid Flowmap records, so that Flowmap's server validates them
 * on its real path. Each editor owns one step and moves it (what a drag sends, the most frequent edit
 * on a board); every tenth edit also renames it, so string props travel too.
 */
export const BENCH_PAGE_ID = 'page:page'

export function pageRecord() {
  return { id: BENCH_PAGE_ID, typeName: 'page', name: 'Page 1', index: 'a1', meta: {} } as const
}

export function documentRecord() {
  return { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as const
}

/** Fractional index keys a1..a9, aA..aZ, aa..az: one per editor, enough for 61 of them. */
const INDEX_DIGITS = '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function stepRecord(editorIndex: number, seq: number) {
  const digit = INDEX_DIGITS[editorIndex]
  if (digit === undefined) throw new Error(`at most ${INDEX_DIGITS.length} editors, got index ${editorIndex}`)
  return {
    id: `shape:bench-step-${editorIndex}`,
    typeName: 'shape',
    type: 'step',
    x: 100 + (seq % 500) * 4,
    y: 100 + editorIndex * 120,
    rotation: 0,
    index: `a${digit}`,
    parentId: BENCH_PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: {
      w: 160,
      h: 80,
      label: `Step ${editorIndex}.${Math.floor(seq / 10)}`,
      description: '',
      owner: null,
      status: 'todo',
      automation: 'manual',
      estimate: null,
    },
    meta: {},
  } as const
}

export type BenchRecord = ReturnType<typeof pageRecord | typeof documentRecord | typeof stepRecord>
