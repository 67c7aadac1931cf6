import { describe, expect, test } from 'vitest'
import { newComment, newCommentThread } from '../comments/comment-records.ts'
import { writeBoard } from '../doc/board.ts'
import { deleteRecords, readRecord, writeRecord, writeRecords } from '../doc/records.ts'
import { writeRole } from '../doc/roles.ts'
import { scriptedLog } from '../testing/scripted-log.ts'
import {
  connector,
  documentRecord,
  pageRecord,
  TEST_PAGE_ID,
  workflowShape,
} from '../testing/shape-records.ts'
import { activityByDay, activityGroups, dayHeading, entrySummaries } from './activity.ts'
import { SERVER_USER_ID } from './history-entry.ts'

const MIN = 60_000
const HOUR = 60 * MIN
/** Mon 30 Nov 2026, 09:00 UTC. */
const MON_9 = Date.UTC(2026, 10, 30, 9)
const UTC = () => 0

const step = (id: string, label: string) => workflowShape('step', { id, props: { label } })
const relabel = (id: string, label: string) => (doc: import('yjs').Doc) => {
  const shape = readRecord(doc, id) as ReturnType<typeof step>
  writeRecord(doc, { ...shape, props: { ...shape.props, label } })
}
const thread = newCommentThread({
  id: 'comment-thread:t',
  pageId: TEST_PAGE_ID,
  anchor: { type: 'shape', shapeId: 'shape:b' as never, x: 1, y: 0, isPrecise: false },
  author: { id: 'ana', name: 'Ana' },
  now: 1,
})

const log = scriptedLog([
  // A client's upkeep: no one's activity.
  ['ana', MON_9, (doc) => writeRecords(doc, [documentRecord(), pageRecord()])],
  // Ana: three steps and a connector in a burst, then renames one, all within 5 minutes of each other.
  [
    'ana',
    MON_9 + 1 * MIN,
    (doc) => writeRecords(doc, [step('shape:a', 'Intake'), step('shape:b', 'Approve')]),
  ],
  ['ana', MON_9 + 2 * MIN, (doc) => writeRecord(doc, step('shape:c', 'Pay'))],
  [
    'ana',
    MON_9 + 3 * MIN,
    (doc) => writeRecords(doc, connector({ id: 'shape:ab', from: 'shape:a', to: 'shape:b' })),
  ],
  ['ana', MON_9 + 6 * MIN, relabel('shape:b', 'Approve budget')],
  // Dana, the same day: renames a step, removes the connector, replies twice.
  ['dana', MON_9 + 10 * MIN, relabel('shape:a', 'Intake form')],
  [
    'dana',
    MON_9 + 11 * MIN,
    (doc) => deleteRecords(doc, ['shape:ab', 'binding:shape:ab-start', 'binding:shape:ab-end']),
  ],
  // Ana, after a pause of more than 5 minutes: a new group; starts a thread.
  [
    'ana',
    MON_9 + 30 * MIN,
    (doc) =>
      writeRecords(doc, [
        thread,
        newComment({ id: 'comment:1', thread, author: { id: 'ana', name: 'Ana' }, text: 'Who?', now: 2 }),
      ]),
  ],
  // The next day: Dana's two replies, and the roles.
  [
    'dana',
    MON_9 + 25 * HOUR,
    (doc) =>
      writeRecord(
        doc,
        newComment({
          id: 'comment:2',
          thread,
          author: { id: 'dana', name: 'Dana' },
          text: 'IT lead',
          now: 3,
        }),
      ),
  ],
  [
    'dana',
    MON_9 + 25 * HOUR + MIN,
    (doc) =>
      writeRecord(
        doc,
        newComment({
          id: 'comment:3',
          thread,
          author: { id: 'dana', name: 'Dana' },
          text: 'or finance',
          now: 4,
        }),
      ),
  ],
  [
    'dana',
    MON_9 + 25 * HOUR + 2 * MIN,
    (doc) => writeRole(doc, { id: 'r1', name: 'Finance', color: '#123456', kind: 'team' }),
  ],
  // The server (a restore, an import): its own group.
  [SERVER_USER_ID, MON_9 + 26 * HOUR, (doc) => writeRecord(doc, step('shape:d', 'Archive'))],
])

describe('activity groups', () => {
  const groups = activityGroups(log)

  test("consecutive entries of one person within 5 minutes are one group; another person's or a pause starts a new one", () => {
    expect(groups.map((g) => [g.userId, g.firstSeq, g.lastSeq])).toEqual([
      ['ana', 2, 5],
      ['dana', 6, 7],
      ['ana', 8, 8],
      ['dana', 9, 11],
      [SERVER_USER_ID, 12, 12],
    ])
    expect(groups[0]).toMatchObject({ firstTime: MON_9 + MIN, lastTime: MON_9 + 6 * MIN, server: false })
    expect(groups[4]!.server).toBe(true)
  })

  test('each group is summed up in workflow words, the page and document left out', () => {
    expect(groups.map((g) => g.summary)).toEqual([
      // The renamed step was added in the same group: it is one of the 3 added steps.
      'added 3 steps, 1 connector',
      'changed Intake form, removed 1 connector',
      'started a thread on Approve budget',
      '2 replies on Approve budget, changed the roles',
      'added 1 step',
    ])
  })

  test("a group's comment activity is kept per thread", () => {
    expect(groups[3]!.comments).toHaveLength(1)
    expect(groups[3]!.comments[0]).toMatchObject({ userId: 'dana', threadLabel: 'Approve budget' })
    expect(groups[3]!.comments[0]!.counts.replied).toBe(2)
  })

  test("a gap can be chosen: at 2 minutes, Ana's rename is a group of its own", () => {
    expect(activityGroups(log, 2 * MIN).map((g) => [g.firstSeq, g.lastSeq])[0]).toEqual([2, 4])
  })

  test("a client stamping its schema on the board is no one's activity; a new title and a check turned off are", () => {
    const board = scriptedLog([
      ['ana', 0, (doc) => writeBoard(doc, { schema: { schemaVersion: 2, sequences: {} } })],
      ['ana', MIN, (doc) => writeRecord(doc, step('shape:a', 'A'))],
      ['ben', HOUR, (doc) => writeBoard(doc, { schema: { schemaVersion: 2, sequences: { x: 1 } } })],
      ['ana', 2 * HOUR, (doc) => writeBoard(doc, { title: 'Order to cash' })],
      ['ana', 2 * HOUR + MIN, (doc) => writeBoard(doc, { disabledLintRules: ['step-without-owner'] })],
    ])
    expect(activityGroups(board).map((g) => [g.userId, g.firstSeq, g.summary])).toEqual([
      ['ana', 2, 'added 1 step'],
      ['ana', 4, 'renamed the board to "Order to cash", changed the board\'s checks'],
    ])
  })

  test('the first title written is the board being made, told first; a later one is a rename', () => {
    const made = scriptedLog([
      [
        'ana',
        0,
        (doc) => {
          writeBoard(doc, { title: 'Hiring' })
          writeRecord(doc, step('shape:a', 'Screen'))
        },
      ],
      ['ana', HOUR, (doc) => writeBoard(doc, { title: 'Hiring 2027' })],
    ])
    expect(activityGroups(made).map((g) => g.summary)).toEqual([
      'created the board "Hiring", added 1 step',
      'renamed the board to "Hiring 2027"',
    ])
  })

  test('three changed shapes are counted, not named', () => {
    const many = scriptedLog([
      [
        'ana',
        0,
        (doc) => writeRecords(doc, [step('shape:a', 'A'), step('shape:b', 'B'), step('shape:c', 'C')]),
      ],
      [
        'ben',
        HOUR,
        (doc) => {
          for (const id of ['shape:a', 'shape:b', 'shape:c']) relabel(id, `${id}!`)(doc)
        },
      ],
    ])
    expect(activityGroups(many).map((g) => g.summary)).toEqual(['added 3 steps', 'changed 3 steps'])
  })
})

describe("each entry's summary (replay's caption)", () => {
  test('every entry that worked on the map is summed up on its own; upkeep has none', () => {
    const summaries = entrySummaries(log)
    expect([...summaries]).toEqual([
      [2, 'added 2 steps'],
      [3, 'added 1 step'],
      [4, 'added 1 connector'],
      [5, 'changed Approve budget'],
      [6, 'changed Intake form'],
      [7, 'removed 1 connector'],
      [8, 'started a thread on Approve budget'],
      [9, 'replied on Approve budget'],
      [10, 'replied on Approve budget'],
      [11, 'changed the roles'],
      [12, 'added 1 step'],
    ])
  })

  test("an image's file stored or its variants made, with no shape changed, is told as the file", () => {
    const asset = {
      id: 'asset:photo',
      typeName: 'asset',
      type: 'image',
      props: { name: 'photo.png', src: null, w: 100, h: 80, mimeType: 'image/png', isAnimated: false },
      meta: {},
    } as const
    const image = workflowShape('step', { id: 'shape:img' })
    const photo = scriptedLog([
      ['ana', 0, (doc) => writeRecords(doc, [asset as never, image])],
      ['ana', MIN, (doc) => writeRecord(doc, { ...asset, props: { ...asset.props, src: '/x' } } as never)],
    ])
    expect([...entrySummaries(photo).values()]).toEqual(['added 1 step', 'updated the file of 1 image'])
  })
})

describe('activity by day', () => {
  const groups = activityGroups(log)

  test('newest first under Today and Yesterday, reckoned from now', () => {
    const days = activityByDay(groups, { now: MON_9 + 27 * HOUR, offsetMinutes: UTC })
    expect(days.map((d) => [d.heading, d.groups.map((g) => g.firstSeq)])).toEqual([
      ['Today', [12, 9]],
      ['Yesterday', [8, 6, 2]],
    ])
  })

  test('older days by weekday, date and month; another year adds the year', () => {
    const days = activityByDay(groups, { now: MON_9 + 72 * HOUR, offsetMinutes: UTC })
    expect(days.map((d) => d.heading)).toEqual(['Tue 1 Dec', 'Mon 30 Nov'])
    expect(dayHeading(Date.UTC(2025, 11, 31, 12), Date.UTC(2026, 0, 5), UTC)).toBe('Wed 31 Dec 2025')
  })

  test("the day is the reader's: 23:30 UTC is tomorrow two hours east, and today one hour west", () => {
    const lateMonday = Date.UTC(2026, 10, 30, 23, 30)
    const tuesdayNoon = Date.UTC(2026, 11, 1, 12)
    expect(dayHeading(lateMonday, tuesdayNoon, () => 120)).toBe('Today')
    expect(dayHeading(lateMonday, tuesdayNoon, () => -60)).toBe('Yesterday')
    expect(dayHeading(lateMonday, tuesdayNoon, UTC)).toBe('Yesterday')
  })
})
