/**
 * Each HTTP body reader fed what a broken or foreign server might send: not an object, a field of the
 * wrong type, a missing field. Each answer names the body and the field, so the person (or the log)
 * knows what the server got wrong; a good body, with a field a newer server added, reads through.
 */
import { describe, expect, it } from 'vitest'
import { readBoardBody, readBoardListBody } from './http-board-bodies.ts'
import type { BodyRead } from './http-body-read.ts'
import { readRuntimeConfigBody } from './http-config-body.ts'
import { refusalMessageOf } from './http-error-body.ts'
import { readContributorsBody, readInsightsBody } from './http-insights-body.ts'
import { readInviteBody } from './http-invite-body.ts'
import { readBoardPreviewBody } from './http-preview-body.ts'
import { readNamedVersionBody, readVersionListBody } from './http-versions-body.ts'

const board = {
  id: 'b1',
  title: 'Order to cash',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
}
const version = {
  seq: 3,
  name: 'after round 1',
  time: '2026-01-01T00:00:00.000Z',
  userId: 'u1',
  userName: 'Ada',
}

type Case = {
  name: string
  read: (json: unknown) => BodyRead<unknown>
  good: Record<string, unknown>
  wrongType: [field: string, value: unknown, reason: string]
  missing: [field: string, reason: string]
}

const CASES: Case[] = [
  {
    name: 'the board list (GET /api/boards)',
    read: readBoardListBody,
    good: { boards: [board] },
    wrongType: ['boards', [{ ...board, id: 7 }], 'At boards.0.id: Expected string, got a number'],
    missing: ['boards', 'At boards: Expected an array, got undefined'],
  },
  {
    name: 'the board (GET /api/boards/:id)',
    read: readBoardBody,
    good: { ...board, lastSeq: 4 },
    wrongType: ['lastSeq', '4', 'At lastSeq: Expected number, got a string'],
    missing: ['title', 'At title: Expected string, got undefined'],
  },
  {
    name: 'the board preview (GET /api/boards/:id/preview)',
    read: readBoardPreviewBody,
    good: {
      boardId: 'b1',
      seq: 2,
      preview: { viewBox: '0 0 10 10', boxes: [{ x: 0, y: 0, w: 10, h: 10, kind: 'step' }] },
    },
    wrongType: [
      'preview',
      { viewBox: null, boxes: {} },
      'At preview.boxes: Expected an array, got an object',
    ],
    missing: ['preview', 'At preview: Expected object, got undefined'],
  },
  {
    name: 'the invite (POST /api/boards/:id/invites)',
    read: readInviteBody,
    good: { url: 'http://x/b/b1?token=t', token: 't', expiresAt: '2026-01-08T00:00:00.000Z' },
    wrongType: ['expiresAt', 1767225600000, 'At expiresAt: Expected string, got a number'],
    missing: ['token', 'At token: Expected string, got undefined'],
  },
  {
    name: 'the named versions (GET /api/boards/:id/versions)',
    read: readVersionListBody,
    good: { boardId: 'b1', versions: [version] },
    wrongType: [
      'versions',
      [{ ...version, seq: -1 }],
      'At versions.0.seq: Expected a positive integer, got -1',
    ],
    missing: ['versions', 'At versions: Expected an array, got undefined'],
  },
  {
    name: 'the named version (POST /api/boards/:id/versions)',
    read: readNamedVersionBody,
    good: version,
    wrongType: ['name', null, 'At name: Expected string, got null'],
    missing: ['userName', 'At userName: Expected string, got undefined'],
  },
  {
    name: 'the insights (GET /api/boards/:id/insights)',
    read: readInsightsBody,
    good: { boardId: 'b1', seq: 5, contributors: 2, insights: { ownership: {} } },
    wrongType: ['contributors', 'two', 'At contributors: Expected number, got a string'],
    missing: ['insights', 'At insights: Expected object, got undefined'],
  },
  {
    name: 'the contributors (GET /api/boards/:id/contributors)',
    read: readContributorsBody,
    good: { boardId: 'b1', seq: 5, contributors: 2 },
    wrongType: ['contributors', 'two', 'At contributors: Expected number, got a string'],
    missing: ['seq', 'At seq: Expected number, got undefined'],
  },
]

describe.each(CASES)('$name', ({ name, read, good, wrongType, missing }) => {
  it('reads a good body, and a field a newer server added does not stop it', () => {
    expect(read({ ...good, addedLater: true })).toMatchObject({ ok: true, body: good })
  })

  it('refuses a body that is not an object, saying so', () => {
    for (const json of [null, 'boards', [good]]) {
      expect(read(json)).toEqual({
        ok: false,
        reason: `${name} is not a JSON object`,
      })
    }
  })

  it('names a field of the wrong type, and what it was', () => {
    const [field, value, reason] = wrongType
    expect(read({ ...good, [field]: value })).toEqual({
      ok: false,
      reason: `${name} is malformed: ${reason}`,
    })
  })

  it('names a missing field', () => {
    const [field, reason] = missing
    const { [field]: _gone, ...rest } = good
    expect(read(rest)).toEqual({ ok: false, reason: `${name} is malformed: ${reason}` })
  })
})

describe('the runtime config (GET /config.json)', () => {
  it('reads missing fields as their defaults and an empty key as none', () => {
    expect(readRuntimeConfigBody({})).toEqual({
      ok: true,
      body: { tldrawLicenseKey: null, authRequired: false, deletedBoardRetentionDays: null },
    })
    expect(readRuntimeConfigBody({ tldrawLicenseKey: '', authRequired: true })).toEqual({
      ok: true,
      body: { tldrawLicenseKey: null, authRequired: true, deletedBoardRetentionDays: null },
    })
  })

  it("reads the server's deleted-board retention in days, and refuses one that is no number of days", () => {
    expect(readRuntimeConfigBody({ deletedBoardRetentionDays: 7 })).toEqual({
      ok: true,
      body: { tldrawLicenseKey: null, authRequired: false, deletedBoardRetentionDays: 7 },
    })
    expect(readRuntimeConfigBody({ deletedBoardRetentionDays: '30' })).toEqual({
      ok: false,
      reason: 'deletedBoardRetentionDays must be a number of days (0 or more) or null, got "30"',
    })
    expect(readRuntimeConfigBody({ deletedBoardRetentionDays: -1 }).ok).toBe(false)
  })

  it('refuses a body that is not an object, and names a field of the wrong type', () => {
    expect(readRuntimeConfigBody([])).toEqual({ ok: false, reason: 'not a JSON object' })
    expect(readRuntimeConfigBody({ authRequired: 'yes' })).toEqual({
      ok: false,
      reason: 'authRequired must be true or false, got string',
    })
  })
})

describe('a refusal body', () => {
  it("gives the server's sentence, or null when there is none to show", () => {
    expect(refusalMessageOf({ error: 'board-not-found', message: 'there is no board "x"' })).toBe(
      'there is no board "x"',
    )
    expect(refusalMessageOf({ error: 'x', message: 42 })).toBeNull()
    expect(refusalMessageOf('<html>Bad gateway</html>')).toBeNull()
    expect(refusalMessageOf(null)).toBeNull()
  })
})
