import { describe, expect, it } from 'vitest'
import { mergeBoardEntries, searchByTitle } from './board-entries.ts'

describe('home page board list', () => {
  const device = [
    { id: 'local-only', title: 'Offline sketch', lastOpened: 300, lastSynced: 0 },
    { id: 'both', title: 'Renamed here', lastOpened: 200, lastSynced: 150, renamedAt: 160 },
  ]
  const server = [
    { id: 'both', title: 'Old name', createdAt: 1, updatedAt: 180 },
    { id: 'server-only', title: 'Order to cash', createdAt: 1, updatedAt: 400 },
  ]

  it('lists each board once, device boards by last opened, then server-only boards', () => {
    const entries = mergeBoardEntries(device, server)
    expect(entries.map((e) => [e.id, e.onDevice, e.onServer])).toEqual([
      ['local-only', true, false],
      ['both', true, true],
      ['server-only', false, true],
    ])
  })

  it("keeps a rename made on this device that has not reached the server, and takes the server's last change", () => {
    const both = mergeBoardEntries(device, server).find((e) => e.id === 'both')
    expect(both).toMatchObject({ title: 'Renamed here', lastOpened: 200, lastChanged: 180 })
  })

  it("shows the server's title (someone renamed it elsewhere) over the device's older list entry", () => {
    const seen = [{ id: 'both', title: 'Untitled board', lastOpened: 200, lastSynced: 150 }]
    const renamedSynced = [{ ...device[1]!, renamedAt: 140 }]
    expect(mergeBoardEntries(seen, server)[0]?.title).toBe('Old name')
    expect(mergeBoardEntries(renamedSynced, server)[0]?.title).toBe('Old name')
    // A server that has no title yet (a board made offline) leaves the device's.
    expect(mergeBoardEntries(seen, [{ ...server[0]!, title: '' }])[0]?.title).toBe('Untitled board')
  })

  it('a board never synced has no last change', () => {
    expect(mergeBoardEntries(device, []).find((e) => e.id === 'local-only')?.lastChanged).toBeNull()
  })

  it('search finds titles holding every word, in any case', () => {
    const entries = mergeBoardEntries(device, server)
    expect(searchByTitle(entries, 'order CASH').map((e) => e.id)).toEqual(['server-only'])
    expect(searchByTitle(entries, '  ')).toHaveLength(3)
    expect(searchByTitle(entries, 'nothing like it')).toEqual([])
  })
})
