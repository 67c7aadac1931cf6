import { encodeStatelessMessage, type PersonOnBoard, peopleMessage } from '@flowmap/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mergePeople, type PeopleElsewhere, peopleElsewhere } from './people-elsewhere.ts'

const ada: PersonOnBoard = { userId: 'ada', name: 'Ada', role: 'editor', clientIds: [1] }
const bo: PersonOnBoard = { userId: 'bo', name: 'Bo', role: 'viewer', clientIds: [2] }
const list = (...people: PersonOnBoard[]) => encodeStatelessMessage(peopleMessage(people, 'instance'))

let opened: PeopleElsewhere[] = []
afterEach(() => {
  for (const elsewhere of opened) elsewhere.stop()
  opened = []
  vi.useRealTimers()
})

function open(now: () => number) {
  const published: Array<[string, string]> = []
  const changed: string[] = []
  const elsewhere = peopleElsewhere({
    publish: (boardId, text) => published.push([boardId, text]),
    changed: (boardId) => changed.push(boardId),
    heartbeatMs: 1000,
    expireMs: 3000,
    now,
  })
  opened.push(elsewhere)
  return { elsewhere, published, changed }
}

describe('people on other instances', () => {
  it('publishes its own list only when it changed, repeats it as a heartbeat, and says an empty list once', () => {
    vi.useFakeTimers()
    const { elsewhere, published } = open(() => Date.now())
    elsewhere.local('b', [ada])
    elsewhere.local('b', [ada])
    expect(published).toEqual([['b', list(ada)]])
    vi.advanceTimersByTime(1000)
    expect(published).toHaveLength(2)
    elsewhere.local('b', [])
    vi.advanceTimersByTime(3000)
    expect(published.slice(2)).toEqual([['b', list()]])
  })

  it("keeps each instance's latest list until it stops repeating it, and refuses what is not a people list", () => {
    let time = 0
    const { elsewhere, changed } = open(() => time)
    elsewhere.receive('A', 'b', list(ada))
    elsewhere.receive('B', 'b', list(bo))
    elsewhere.receive('C', 'b', '{"type":"people","version":1,"people":[{"userId":""}],"you":"x"}')
    elsewhere.receive('D', 'b', 'not json')
    expect(elsewhere.on('b')).toEqual([ada, bo])
    expect(changed).toEqual(['b', 'b'])
    // The same list again changes nothing; a list not repeated for expireMs no longer counts.
    elsewhere.receive('A', 'b', list(ada))
    expect(changed).toHaveLength(2)
    time = 2000
    elsewhere.receive('A', 'b', list(ada))
    time = 4000
    expect(elsewhere.on('b')).toEqual([ada])
  })

  it('merges people here with those elsewhere, one entry per person', () => {
    const adaElsewhere = { ...ada, clientIds: [7] }
    expect(mergePeople([ada], [adaElsewhere, bo])).toEqual([{ ...ada, clientIds: [1, 7] }, bo])
  })
})
