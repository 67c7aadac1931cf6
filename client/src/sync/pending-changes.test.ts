import { describe, expect, it } from 'vitest'
import { localStoragePendingChanges, PendingChanges } from './pending-changes.ts'

/** The part of the Web Storage API the store uses, in memory; `failing` throws as a full storage does. */
function memoryStorage(failing = false): Storage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (failing) throw new DOMException('quota exceeded', 'QuotaExceededError')
      items.set(key, value)
    },
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size
    },
  }
}

describe('PendingChanges', () => {
  it('counts each changed record once, however many edits it took', () => {
    const pending = new PendingChanges('b', null)
    for (let keystroke = 0; keystroke < 30; keystroke++) pending.add(['shape:a'])
    pending.add(['shape:b', 'shape:a'])
    pending.add(['shape:c'])
    expect(pending.count).toBe(3)
    pending.clear()
    expect(pending.count).toBe(0)
  })

  it('keeps the count across a reload of the page, per board, until everything is acknowledged', () => {
    const storage = memoryStorage()
    const before = new PendingChanges('b1', localStoragePendingChanges(storage))
    before.add(['shape:a', 'shape:b'])
    new PendingChanges('b2', localStoragePendingChanges(storage)).add(['shape:z'])

    const reloaded = new PendingChanges('b1', localStoragePendingChanges(storage))
    expect(reloaded.count).toBe(2)
    reloaded.clear()
    expect(new PendingChanges('b1', localStoragePendingChanges(storage)).count).toBe(0)
    expect(new PendingChanges('b2', localStoragePendingChanges(storage)).count).toBe(1)
  })

  it('still counts on this page when the device will not store the ids, or stored garbage', () => {
    const full = new PendingChanges('b', localStoragePendingChanges(memoryStorage(true)))
    full.add(['shape:a'])
    expect(full.count).toBe(1)
    const garbled = memoryStorage()
    garbled.setItem('flowmap:unsynced-records:b', '{not json')
    expect(new PendingChanges('b', localStoragePendingChanges(garbled)).count).toBe(0)
  })
})
