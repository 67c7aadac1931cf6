/**
 * The board model on a real Y.Doc: what panels read, how they hear of others' edits, and that their
 * writes are local edits (undo takes them back) that reach another client as ordinary updates.
 */
import {
  type LintIssue,
  localOrigin,
  type Role,
  remoteOrigin,
  writeBoard,
  writeRecords,
  writeRole,
} from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoardModel } from './board-model.ts'

const ops: Role = { id: 'role:ops', name: 'Ops', color: '#4263eb', kind: 'team' }
const legal: Role = { id: 'role:legal', name: 'Legal', color: '#e8590c', kind: 'team' }

/** Sends everything `from` has that `to` lacks, as the provider delivers a remote edit. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), remoteOrigin)
}

function originsOf(doc: Y.Doc): unknown[] {
  const origins: unknown[] = []
  doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
  return origins
}

describe('the board model', () => {
  it('reads an empty board as no roles, the default title, every rule on and no records', () => {
    const board = createBoardModel(new Y.Doc())
    expect(board.roles.get()).toEqual([])
    expect(board.meta.get()).toEqual({ title: 'Untitled board', schema: null, disabledLintRules: [] })
    expect(board.records.get()).toEqual([])
  })

  it('lists the roles sorted by name, and a rename changes only the name', () => {
    const board = createBoardModel(new Y.Doc())
    board.writeRole(ops)
    board.writeRole(legal)
    expect(board.roles.get().map((role) => role.id)).toEqual(['role:legal', 'role:ops'])

    board.writeRole({ ...ops, name: 'Operations' })
    expect(board.roles.get()).toEqual([legal, { ...ops, name: 'Operations' }])
    board.deleteRole('role:legal')
    expect(board.roles.get()).toEqual([{ ...ops, name: 'Operations' }])
  })

  it("tells a subscriber of another client's role, title and records as each arrives", () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    const board = createBoardModel(mine)
    const heardRoles: (readonly Role[])[] = []
    const heardTitles: string[] = []
    let recordChanges = 0
    const stops = [
      board.roles.subscribe((roles) => heardRoles.push(roles)),
      board.meta.subscribe((meta) => heardTitles.push(meta.title)),
      board.records.subscribe(() => recordChanges++),
    ]

    writeRole(theirs, ops)
    sync(theirs, mine)
    expect(heardRoles).toEqual([[ops]])

    writeBoard(theirs, { title: 'Onboarding' })
    sync(theirs, mine)
    expect(heardTitles).toEqual(['Onboarding'])

    writeRecords(theirs, [documentRecord(), pageRecord()])
    sync(theirs, mine)
    expect(recordChanges).toBe(1)
    expect(board.records.get()).toHaveLength(2)

    for (const stop of stops) stop()
    writeRole(theirs, legal)
    sync(theirs, mine)
    expect(heardRoles).toHaveLength(1)
  })

  it('writes every change with the local origin, so undo takes back exactly the local edits', () => {
    const doc = new Y.Doc()
    const board = createBoardModel(doc)
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 })
    const origins = originsOf(doc)

    board.setTitle('Onboarding')
    board.writeRole(ops)
    board.setLintRule('step-without-owner', false)
    expect(origins).toEqual([localOrigin, localOrigin, localOrigin])

    undo.undo()
    expect(board.meta.get().disabledLintRules).toEqual([])
    undo.undo()
    expect(board.roles.get()).toEqual([])
    undo.undo()
    expect(board.meta.get().title).toBe('Untitled board')
  })

  it("a write reaches another client's model", () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    createBoardModel(mine).setTitle('Onboarding')
    createBoardModel(mine).writeRole(ops)
    sync(mine, theirs)
    const their = createBoardModel(theirs)
    expect(their.meta.get().title).toBe('Onboarding')
    expect(their.roles.get()).toEqual([ops])
  })

  it('switches a lint rule off once however often it is asked, and on again', () => {
    const board = createBoardModel(new Y.Doc())
    board.setLintRule('step-unreachable', false)
    board.setLintRule('step-unreachable', false)
    board.setLintRule('dependency-cycle', false)
    expect(board.meta.get().disabledLintRules).toEqual(['step-unreachable', 'dependency-cycle'])
    board.setLintRule('step-unreachable', true)
    expect(board.meta.get().disabledLintRules).toEqual(['dependency-cycle'])
  })

  it('reports the lint issues now and again when a rule is switched off', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [
      documentRecord(),
      pageRecord(),
      workflowShape('event', { id: 'start', props: { kind: 'start' } }),
      workflowShape('step', { id: 'ship', props: { label: 'Ship' } }),
      ...connector({ id: 'c1', from: 'start', to: 'ship' }),
    ])
    const board = createBoardModel(doc)
    const reports: (readonly LintIssue[])[] = []
    const stop = board.lint.subscribe((issues) => reports.push(issues))
    expect(reports).toHaveLength(1)
    expect(reports[0]!.map((issue) => issue.ruleId)).toContain('step-without-owner')

    board.setLintRule('step-without-owner', false)
    expect(reports.at(-1)!.map((issue) => issue.ruleId)).not.toContain('step-without-owner')
    stop()
  })
})

describe('the board model, given malformed values in the doc', () => {
  it('leaves out a roles entry that is not a valid role and still lists the valid ones', () => {
    const doc = new Y.Doc()
    writeRole(doc, ops)
    // What a buggy client could have written: an entry under the roles key that is no role.
    writeRole(doc, { id: 'role:broken', name: 'Broken', kind: 'wizard', color: 42 } as unknown as Role)
    const board = createBoardModel(doc)
    expect(board.roles.get()).toEqual([ops])

    const heard: (readonly Role[])[] = []
    board.roles.subscribe((roles) => heard.push(roles))
    writeRole(doc, legal)
    expect(heard).toEqual([[legal, ops]])
  })

  it('reads a malformed title and lint switch list as their defaults', () => {
    const doc = new Y.Doc()
    writeBoard(doc, { title: 42, disabledLintRules: ['step-unreachable', 7] } as unknown as {
      title: string
      disabledLintRules: string[]
    })
    const board = createBoardModel(doc)
    expect(board.meta.get().title).toBe('Untitled board')
    expect(board.meta.get().disabledLintRules).toEqual(['step-unreachable'])
  })
})
