import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../logger.ts'
import { MessageGate, type SocketBudget } from './message-gate.ts'

const budget: SocketBudget = {
  messagesPerSecond: 10,
  messageBurst: 10,
  bytesPerSecond: 1_000_000,
  byteBurst: 1_000_000,
  closeAfterMs: 3000,
}

function gated() {
  const delivered: number[] = []
  const socket = {
    paused: false,
    closedWith: null as { code: number; reason: string } | null,
    pause() {
      socket.paused = true
    },
    resume() {
      socket.paused = false
    },
    close(code: number, reason: string) {
      socket.closedWith = { code, reason }
    },
    terminate() {},
  }
  const gate = new MessageGate({
    socket,
    budget,
    logger: createLogger('silent'),
    deliver: ([data]) => delivered.push((data as Buffer).readUInt32BE(0)),
  })
  let next = 0
  const send = (count: number) => {
    for (let index = 0; index < count; index++) {
      const data = Buffer.alloc(4)
      data.writeUInt32BE(next++)
      gate.admit([data, true])
    }
  }
  return { gate, socket, delivered, send, sent: () => next }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('MessageGate', () => {
  it('delivers a burst at once, holds the rest in order while the socket is paused, and resumes', () => {
    const { socket, delivered, send } = gated()
    send(15)
    expect(delivered).toHaveLength(10)
    expect(socket.paused).toBe(true)
    vi.advanceTimersByTime(600)
    expect(delivered).toEqual(Array.from({ length: 15 }, (_, index) => index))
    expect(socket.paused).toBe(false)
    expect(socket.closedWith).toBeNull()
  })

  it('never closes a busy honest client that is held now and then', () => {
    const { socket, delivered, send, sent } = gated()
    for (let round = 0; round < 10; round++) {
      send(15)
      vi.advanceTimersByTime(2000)
    }
    expect(socket.closedWith).toBeNull()
    expect(delivered).toHaveLength(sent())
  })

  it('starts afresh after a hold: a client busy just under its budget for long is not closed at its next hold', () => {
    const { socket, delivered, send, sent } = gated()
    send(11)
    // Just under 10 a second for 5 s: never held, but its bucket never refills to half either.
    for (let step = 0; step < 48; step++) {
      vi.advanceTimersByTime(105)
      send(1)
    }
    send(3)
    vi.advanceTimersByTime(2000)
    expect(socket.closedWith).toBeNull()
    expect(delivered).toHaveLength(sent())
  })

  it('closes with 4429 and the reason a sender that stays over budget longer than closeAfterMs', () => {
    const { socket, delivered, send } = gated()
    // One and a half times the budget, in small steps, as TCP hands over a flood it paces.
    for (let step = 0; step < 100 && socket.closedWith === null; step++) {
      send(3)
      vi.advanceTimersByTime(200)
    }
    expect(socket.closedWith).toEqual({
      code: 4429,
      reason: 'flowmap: too many messages: over 10 msg/s or 1000000 B/s for 3000 ms',
    })
    expect(socket.paused).toBe(true)
    const deliveredAtClose = delivered.length
    send(5)
    vi.advanceTimersByTime(5000)
    expect(delivered).toHaveLength(deliveredAtClose)
  })

  it('closes at once a backlog that could not be served within closeAfterMs', () => {
    const { socket, delivered, send } = gated()
    send(100)
    expect(socket.closedWith?.code).toBe(4429)
    expect(socket.closedWith?.reason).toMatch(/more queued than 10 msg\/s or 1000000 B\/s serves in 3000 ms/)
    expect(delivered.length).toBeLessThan(100)
  })
})
