import { declareBoardRoots, type StoredRecord, writeRecord } from '@flowmap/shared'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashesInBytes, hashesInValue } from './asset-references.ts'

const a = 'a'.repeat(64)
const b = 'b'.repeat(64)
const c = 'c'.repeat(64)

/** An image asset whose src, variants and a shape's attachment-like meta each name a path. */
const record = {
  id: 'asset:x',
  typeName: 'asset',
  type: 'image',
  props: {
    name: 'x.png',
    src: `/api/boards/ops/assets/${a}`,
    w: 1,
    h: 1,
    mimeType: 'image/png',
    isAnimated: false,
  },
  meta: {
    variants: [{ w: 256, src: `https://maps.example.org/api/boards/ops/assets/${b}` }],
    attachment: { src: `/api/boards/other/assets/${c}`, name: 'policy.pdf' },
    note: `not a path: /assets/${'d'.repeat(65)} nor /assets/${'E'.repeat(64)}`,
  },
} as unknown as StoredRecord

it('finds every asset path in any string of a record, at any depth, and nothing that only looks like one', () => {
  expect(hashesInValue(record)).toEqual(new Set([a, b, c]))
})

it('finds the same paths in the Yjs update that writes the record, without decoding it', () => {
  const doc = declareBoardRoots(new Y.Doc())
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  writeRecord(doc, record)
  expect(hashesInBytes(Y.mergeUpdates(updates))).toEqual(new Set([a, b, c]))
})
