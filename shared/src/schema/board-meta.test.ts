import type { SerializedSchemaV2 } from '@tldraw/store'
import { describe, expect, test } from 'vitest'
import { validateBoardWrite } from './board-meta.ts'
import { flowmapSchema } from './flowmap-schema.ts'
import { MAX_BOARD_TITLE_CHARS, MAX_DISABLED_LINT_RULES, MAX_LINT_RULE_ID_CHARS } from './limits.ts'

const ours = flowmapSchema.serialize()
const STEP = 'com.tldraw.shape.step'
const withStep = (version: number): SerializedSchemaV2 => ({
  ...ours,
  sequences: { ...ours.sequences, [STEP]: version },
})

function messageOf(fields: Record<string, unknown>, before?: unknown): string | null {
  const checked = validateBoardWrite(fields, Object.keys(fields), { schemaBefore: before })
  return checked.ok ? null : checked.message
}

describe('board fields', () => {
  test('valid title, schema and disabled lint rules pass', () => {
    expect(
      messageOf({ title: 'Onboarding', schema: ours, disabledLintRules: ['step-without-owner'] }),
    ).toBeNull()
    expect(messageOf({ title: 't'.repeat(MAX_BOARD_TITLE_CHARS) })).toBeNull()
  })

  test('an unknown key is refused; removing one is not', () => {
    expect(messageOf({ owner: 'mallory' })).toBe(
      'board has no field "owner": only title, schema, disabledLintRules (written by a newer or foreign tool?)',
    )
    expect(validateBoardWrite({}, ['owner'])).toEqual({ ok: true })
  })

  test('the title is a string within its limit', () => {
    expect(messageOf({ title: 42 })).toBe('board.title must be a string, got 42')
    expect(messageOf({ title: 't'.repeat(2_000_000) })).toBe(
      `board.title is 2,000,000 characters; at most ${MAX_BOARD_TITLE_CHARS}`,
    )
  })

  test('disabled lint rules are a bounded list of short ids', () => {
    expect(messageOf({ disabledLintRules: 'all' })).toBe(
      'board.disabledLintRules must be a list of lint rule ids, got "all"',
    )
    expect(messageOf({ disabledLintRules: [1] })).toBe(
      'board.disabledLintRules [0] must be a lint rule id (a string), got 1',
    )
    expect(messageOf({ disabledLintRules: ['r'.repeat(MAX_LINT_RULE_ID_CHARS + 1)] })).toBe(
      `board.disabledLintRules [0] is ${MAX_LINT_RULE_ID_CHARS + 1} characters; at most ${MAX_LINT_RULE_ID_CHARS}`,
    )
    const many = Array.from({ length: MAX_DISABLED_LINT_RULES + 1 }, (_, i) => `rule-${i}`)
    expect(messageOf({ disabledLintRules: many })).toMatch(/lists 101 rules; at most 100/)
  })

  test('non-finite numbers are refused in any board value', () => {
    expect(messageOf({ schema: { ...ours, sequences: { ...ours.sequences, [STEP]: Number.NaN } } })).toBe(
      `board.schema.sequences.${STEP} is NaN; only finite numbers are allowed`,
    )
  })
})

describe('board.schema', () => {
  test('our own schema and any older one are accepted on a board that has none', () => {
    expect(messageOf({ schema: ours })).toBeNull()
    expect(messageOf({ schema: withStep(0) })).toBeNull()
  })

  test('a version above ours is refused', () => {
    expect(messageOf({ schema: withStep(99) })).toMatch(
      new RegExp(`board.schema claims ${STEP} version 99, newer than this server's \\d+: update the server`),
    )
  })

  test('a sequence we do not have is refused', () => {
    const unknown = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.spaceship': 0 } }
    expect(messageOf({ schema: unknown })).toMatch(
      /lists com\.tldraw\.shape\.spaceship, a migration sequence this server does not know/,
    )
  })

  test.each([
    ['a string', 'v2', 'board.schema must be a serialized schema, got "v2"'],
    [
      'version 1',
      { schemaVersion: 1, storeVersion: 4, recordVersions: {} },
      'board.schema must be a version 2 serialized schema, got schemaVersion 1',
    ],
    ['an extra field', { ...ours, extra: 1 }, 'board.schema has an unknown field "extra"'],
    [
      'no sequences',
      { schemaVersion: 2 },
      'board.schema .sequences must be an object of sequence versions, got undefined',
    ],
    [
      'a fractional version',
      withStep(1.5),
      `board.schema .sequences["${STEP}"] must be a whole number >= 0, got 1.5`,
    ],
  ])('a malformed schema (%s) is refused', (_what, schema, message) => {
    expect(messageOf({ schema })).toBe(message)
  })

  test('it is only ever raised: lowering or dropping a sequence is refused, raising is not', () => {
    expect(messageOf({ schema: withStep(1) }, ours)).toBe(
      `board.schema would lower ${STEP} from version ${ours.sequences[STEP]} to 1: a board's schema is only ever raised (reload to get the newer version of Flowmap)`,
    )
    const { [STEP]: _dropped, ...withoutStep } = ours.sequences
    expect(messageOf({ schema: { schemaVersion: 2, sequences: withoutStep } }, ours)).toMatch(
      /would lower .* to none/,
    )
    expect(messageOf({ schema: ours }, withStep(1))).toBeNull()
    expect(messageOf({ schema: ours }, ours)).toBeNull()
  })

  test('a board already holding a forged, too-new schema can be repaired with ours', () => {
    expect(messageOf({ schema: ours }, withStep(99))).toBeNull()
  })

  test('once set it cannot be removed; a board that never had one may stay without', () => {
    expect(validateBoardWrite({}, ['schema'], { schemaBefore: ours })).toMatchObject({
      ok: false,
      message: 'board.schema is missing: a board never loses its schema once set',
    })
    expect(validateBoardWrite({}, ['schema'], { schemaBefore: undefined })).toEqual({ ok: true })
  })
})
