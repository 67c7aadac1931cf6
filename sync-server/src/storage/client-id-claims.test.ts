/**
 * The client_ids table on real SQLite (a file in a temp dir): a claim commits with its history append
 * or not at all, survives a reopen, and never moves an ID from its first owner.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dirs.ts'
import { SqliteStorage } from './sqlite-storage.ts'

const tempDir = useTempDirs()

function open(dir: string): SqliteStorage {
  return new SqliteStorage({ path: join(dir, 'flowmap.sqlite'), synchronous: 'full' })
}

const entry = {
  boardId: 'b',
  time: 1,
  userId: 'ada',
  userName: 'Ada',
  clientId: 7,
  update: new Uint8Array([0, 0]),
}

describe('client ID claims', () => {
  it('commit together with the append, and survive a reopen', () => {
    const dir = tempDir()
    const storage = open(dir)
    const seq = storage.atomically(() => {
      storage.claimClientIds('b', [{ clientId: 7, owner: 'ada', firstSeen: 1 }])
      return storage.appendUpdate(entry)
    })
    expect(seq).toBe(1)
    storage.close()
    const reopened = open(dir)
    expect(reopened.readClientIds('b')).toEqual([{ clientId: 7, owner: 'ada', firstSeen: 1 }])
    expect(reopened.readClientIds('other')).toEqual([])
    reopened.close()
  })

  it('are rolled back with an append that fails', () => {
    const storage = open(tempDir())
    expect(() =>
      storage.atomically(() => {
        storage.claimClientIds('b', [{ clientId: 7, owner: 'ada', firstSeen: 1 }])
        storage.appendUpdate(entry)
        throw new Error('disk full')
      }),
    ).toThrow('disk full')
    expect(storage.readClientIds('b')).toEqual([])
    expect(storage.lastSeq('b')).toBe(0)
    storage.close()
  })

  it('never move an ID from its first owner; the server is stored as a null owner', () => {
    const storage = open(tempDir())
    storage.claimClientIds('b', [
      { clientId: 7, owner: 'ada', firstSeen: 1 },
      { clientId: 9, owner: null, firstSeen: 2 },
    ])
    storage.claimClientIds('b', [{ clientId: 7, owner: 'mallory', firstSeen: 3 }])
    expect(storage.readClientIds('b').sort((a, b) => a.clientId - b.clientId)).toEqual([
      { clientId: 7, owner: 'ada', firstSeen: 1 },
      { clientId: 9, owner: null, firstSeen: 2 },
    ])
    storage.close()
  })
})
