import { describe, expect, test } from 'vitest'
import { BOARD_EXPORT_VERSION } from '../../protocol/http-export-body.ts'
import {
  EXPORT_BODY_MIGRATIONS,
  type ExportBodyChain,
  migrateExportBody,
  oldestExportVersion,
} from './export-body-migrations.ts'

// A made-up history of three body changes, to prove the chain's mechanics on more than the one
// version Flowmap has written so far.
const testChain: ExportBodyChain = {
  current: 4,
  migrations: [
    { from: 1, what: 'items became records', up: ({ items, ...rest }) => ({ ...rest, records: items }) },
    { from: 2, what: 'roles were added', up: (body) => ({ ...body, roles: [] }) },
    {
      from: 3,
      what: 'the title moved into board',
      up: ({ title, ...rest }) => ({ ...rest, board: { title } }),
    },
  ],
}

describe('the board export body migration chain', () => {
  test('this Flowmap reads the version it writes, and the chain ends there', () => {
    expect(oldestExportVersion(EXPORT_BODY_MIGRATIONS, BOARD_EXPORT_VERSION)).toBeLessThanOrEqual(
      BOARD_EXPORT_VERSION,
    )
    const read = migrateExportBody({ version: BOARD_EXPORT_VERSION }, BOARD_EXPORT_VERSION)
    expect(read).toEqual({ ok: true, body: { version: BOARD_EXPORT_VERSION }, from: 1, steps: [] })
  })

  test('a body of the oldest version walks every step, in order, to the current form', () => {
    const read = migrateExportBody({ items: ['a'], title: 'T' }, 1, testChain)
    expect(read).toEqual({
      ok: true,
      body: { records: ['a'], roles: [], board: { title: 'T' } },
      from: 1,
      steps: ['items became records', 'roles were added', 'the title moved into board'],
    })
  })

  test('a body of a middle version takes only the steps after it', () => {
    const read = migrateExportBody({ records: [], title: 'T' }, 2, testChain)
    expect(read.ok && read.steps).toEqual(['roles were added', 'the title moved into board'])
    expect(read.ok && read.body).toEqual({ records: [], roles: [], board: { title: 'T' } })
  })

  test('a newer version is refused with a sentence naming both versions', () => {
    const read = migrateExportBody({}, 7, testChain)
    expect(read).toEqual({
      ok: false,
      reason:
        'the file is a version 7 board export, newer than the version 4 this Flowmap reads: update Flowmap to import it',
    })
  })

  test('a version older than any written is refused, naming the versions there are', () => {
    const read = migrateExportBody({}, 0, testChain)
    expect(read).toEqual({
      ok: false,
      reason: 'the file says it is a version 0 board export; Flowmap has only written versions 1 to 4',
    })
  })

  test('a gap in the table is a bug of the table, not a silently skipped step', () => {
    const gap: ExportBodyChain = { current: 3, migrations: [{ from: 1, what: 'x', up: (body) => body }] }
    expect(() => migrateExportBody({}, 1, gap)).toThrow('no board export migration from version 2')
  })
})
