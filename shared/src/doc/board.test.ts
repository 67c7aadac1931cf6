import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { flowmapSchema } from '../schema/flowmap-schema.ts'
import { DEFAULT_BOARD_TITLE, observeBoard, readBoard, readBoardTitle, writeBoard } from './board.ts'
import { remoteOrigin } from './origin.ts'

test('an empty doc reads as an untitled board with no schema and every lint rule on', () => {
  expect(readBoard(new Y.Doc())).toEqual({ title: DEFAULT_BOARD_TITLE, schema: null, disabledLintRules: [] })
})

test('writeBoard changes only the given fields, and observers get the board and origin', () => {
  const doc = new Y.Doc()
  const seen: Array<{ title: string; origin: unknown }> = []
  const stop = observeBoard(doc, (board, origin) => seen.push({ title: board.title, origin }))
  writeBoard(doc, { title: 'Onboarding', schema: flowmapSchema.serialize() })
  writeBoard(doc, { disabledLintRules: ['lane-without-role'] }, remoteOrigin)
  expect(readBoard(doc)).toEqual({
    title: 'Onboarding',
    schema: flowmapSchema.serialize(),
    disabledLintRules: ['lane-without-role'],
  })
  expect(seen).toHaveLength(2)
  expect(seen[1]).toEqual({ title: 'Onboarding', origin: remoteOrigin })
  writeBoard(doc, { title: 'Onboarding' }) // unchanged: nothing written, no call
  expect(seen).toHaveLength(2)
  stop()
})

test('malformed board values written by another tool read as defaults', () => {
  const doc = new Y.Doc()
  const board = doc.getMap('board')
  board.set('title', 42)
  board.set('schema', 'v2')
  board.set('disabledLintRules', ['loose-connector', 7])
  expect(readBoard(doc)).toEqual({
    title: DEFAULT_BOARD_TITLE,
    schema: null,
    disabledLintRules: ['loose-connector'],
  })
})

test('two people change the title and the disabled rules offline: both survive', () => {
  const a = new Y.Doc()
  const b = new Y.Doc()
  writeBoard(a, { title: 'Map' })
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  writeBoard(a, { title: 'Hiring map' })
  writeBoard(b, { disabledLintRules: ['step-without-owner'] })
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  for (const doc of [a, b]) {
    expect(readBoard(doc)).toMatchObject({ title: 'Hiring map', disabledLintRules: ['step-without-owner'] })
  }
})

test('readBoardTitle tells a doc with no title yet from a titled one', () => {
  const doc = new Y.Doc()
  expect(readBoardTitle(doc)).toBeNull()
  writeBoard(doc, { schema: flowmapSchema.serialize() })
  expect(readBoardTitle(doc), 'other board fields do not give it a title').toBeNull()
  expect(readBoard(doc).title).toBe(DEFAULT_BOARD_TITLE)
  writeBoard(doc, { title: 'Order to cash' })
  expect(readBoardTitle(doc)).toBe('Order to cash')
})
