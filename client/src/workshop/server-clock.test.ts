import { clockAnswer, encodeStatelessMessage, parseClockRequest } from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ServerClock } from './server-clock.ts'

/** A provider stand-in: records the requests sent, and lets the test answer them as the server. */
function fakeProvider() {
  const handlers = new Map<string, Set<(payload: never) => void>>()
  const sent: number[] = []
  const provider = {
    synced: true,
    on(event: string, fn: (payload: never) => void) {
      if (!handlers.has(event)) handlers.set(event, new Set())
      handlers.get(event)?.add(fn)
    },
    off(event: string, fn: (payload: never) => void) {
      handlers.get(event)?.delete(fn)
    },
    sendStateless(payload: string) {
      const request = parseClockRequest(payload)
      if (request.ok) sent.push(request.message.id)
    },
  }
  const emit = (event: string, payload: unknown) => {
    for (const fn of handlers.get(event) ?? []) fn(payload as never)
  }
  return { provider: provider as unknown as HocuspocusProvider, sent, emit }
}

describe('the page’s server clock', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps the answer with the shortest round trip and converts the page clock with it', () => {
    const T = 1_800_000_000_000
    vi.setSystemTime(T)
    const { provider, sent, emit } = fakeProvider()
    const clock = new ServerClock(provider, { samplesPerRound: 3, spacingMs: 100 })
    expect(clock.serverNow()).toBeNull()
    vi.advanceTimersByTime(200)
    expect(sent).toEqual([1, 2, 3])
    // The server is 10 minutes behind the page. Request 3 (sent at T+200) comes back in 20 ms;
    // request 1 (sent at T) takes 600 ms, and its answer was delayed on the way back.
    const trueOffset = -600_000
    vi.advanceTimersByTime(20)
    emit('stateless', { payload: encodeStatelessMessage(clockAnswer(3, T + 210 + trueOffset)) })
    vi.advanceTimersByTime(380)
    emit('stateless', { payload: encodeStatelessMessage(clockAnswer(1, T + 100 + trueOffset)) })
    expect(clock.offset()).toEqual({ offsetMs: trueOffset, roundTripMs: 20 })
    expect(clock.serverNow()).toBe(Date.now() + trueOffset)
    clock.destroy()
  })

  it('ignores answers to requests it never sent, and asks again after a reconnection', () => {
    const { provider, sent, emit } = fakeProvider()
    const clock = new ServerClock(provider, { samplesPerRound: 1 })
    vi.advanceTimersByTime(0)
    emit('stateless', { payload: encodeStatelessMessage(clockAnswer(99, 5)) })
    emit('stateless', { payload: '{"type":"rejected"}' })
    expect(clock.offset()).toBeNull()
    emit('synced', { state: true })
    vi.advanceTimersByTime(0)
    expect(sent).toEqual([1, 2])
    clock.destroy()
  })
})
