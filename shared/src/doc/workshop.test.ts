import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardLockField } from '../schema/workshop/board-lock.ts'
import { declareBoardRoots, workshopMap } from './doc-maps.ts'
import { remoteOrigin } from './origin.ts'
import { workshopFieldsTouchedBy } from './touched-fields.ts'
import { observeWorkshop, readWorkshopField, writeWorkshopField } from './workshop.ts'

const lock = { by: 'ana', name: 'Ana', at: 5 }

describe('workshop fields in the doc', () => {
  it('writes, reads back, and removes a field; other docs receive it', () => {
    const doc = declareBoardRoots(new Y.Doc())
    expect(readWorkshopField(doc, boardLockField)).toBeNull()
    writeWorkshopField(doc, boardLockField, lock)
    expect(readWorkshopField(doc, boardLockField)).toEqual(lock)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(readWorkshopField(other, boardLockField)).toEqual(lock)
    writeWorkshopField(doc, boardLockField, null)
    expect(readWorkshopField(doc, boardLockField)).toBeNull()
  })

  it('reads a malformed stored value as absent', () => {
    const doc = declareBoardRoots(new Y.Doc())
    workshopMap(doc).set('boardLock', 'locked!')
    expect(readWorkshopField(doc, boardLockField)).toBeNull()
  })

  it('tells observers which keys changed and with what origin; validation sees the touched keys', () => {
    const doc = declareBoardRoots(new Y.Doc())
    const heard: Array<{ keys: string[]; origin: unknown }> = []
    const stop = observeWorkshop(doc, (keys, origin) => heard.push({ keys: [...keys], origin }))
    let touched: string[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      touched = [...workshopFieldsTouchedBy(transaction)]
    })
    writeWorkshopField(doc, boardLockField, lock, remoteOrigin)
    expect(heard).toEqual([{ keys: ['boardLock'], origin: remoteOrigin }])
    expect(touched).toEqual(['boardLock'])
    stop()
    writeWorkshopField(doc, boardLockField, null)
    expect(heard).toHaveLength(1)
  })
})
