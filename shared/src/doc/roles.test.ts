import { expect, test } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../schema/role.ts'
import { remoteOrigin } from './origin.ts'
import { deleteRole, observeRoles, readRoles, roleIdsTouchedBy, writeRole } from './roles.ts'

const legal: Role = { id: 'role:legal', name: 'Legal', color: '#c33', kind: 'team' }
const bot: Role = { id: 'role:bot', name: 'Assistant', color: '#36c', kind: 'ai-agent' }

test('roles are written, read sorted by name, and deleted', () => {
  const doc = new Y.Doc()
  writeRole(doc, legal)
  writeRole(doc, bot)
  expect(readRoles(doc)).toEqual([bot, legal])
  deleteRole(doc, bot.id)
  expect(readRoles(doc)).toEqual([legal])
})

test('each role is a Y.Map of its fields, so a rename and a recolour made offline both survive', () => {
  const a = new Y.Doc()
  const b = new Y.Doc()
  writeRole(a, legal)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  writeRole(a, { ...legal, name: 'Legal & Compliance' })
  writeRole(b, { ...legal, color: '#0a0' })
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const expected = { ...legal, name: 'Legal & Compliance', color: '#0a0' }
  expect(readRoles(a)).toEqual([expected])
  expect(readRoles(b)).toEqual([expected])
})

test('an invalid role written by another tool is skipped on read', () => {
  const doc = new Y.Doc()
  writeRole(doc, legal)
  const raw = new Y.Map<unknown>()
  doc.getMap('roles').set('role:bad', raw)
  raw.set('id', 'role:bad')
  raw.set('kind', 'wizard')
  expect(readRoles(doc)).toEqual([legal])
})

test('observeRoles reports the roles and the origin; roleIdsTouchedBy names what changed', () => {
  const doc = new Y.Doc()
  writeRole(doc, legal)
  const calls: Array<{ roles: Role[]; origin: unknown }> = []
  const stop = observeRoles(doc, (roles, origin) => calls.push({ roles, origin }))
  let touched: ReturnType<typeof roleIdsTouchedBy> | null = null
  doc.once('afterTransaction', (transaction: Y.Transaction) => {
    touched = roleIdsTouchedBy(transaction)
  })
  doc.transact(() => {
    writeRole(doc, { ...legal, name: 'Law' })
    writeRole(doc, bot)
  }, remoteOrigin)
  expect(touched).toEqual({ changed: new Set([legal.id, bot.id]), removed: new Set() })
  expect(calls).toEqual([{ roles: [bot, { ...legal, name: 'Law' }], origin: remoteOrigin }])
  stop()
})
