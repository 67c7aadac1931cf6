import { describe, expect, test } from 'vitest'
import { trackFirstInteraction, watchForNewVersion } from './new-version.ts'

/** navigator.serviceWorker as far as the watch reads it: a controller, and its change event. */
class FakeContainer extends EventTarget {
  controller: ServiceWorker | null
  constructor(controlled: boolean) {
    super()
    this.controller = controlled ? ({} as ServiceWorker) : null
  }
  takeOver() {
    this.controller = {} as ServiceWorker
    this.dispatchEvent(new Event('controllerchange'))
  }
}

function watched(controlled: boolean, touched: boolean) {
  const container = new FakeContainer(controlled)
  const calls: string[] = []
  watchForNewVersion(container, {
    touched: () => touched,
    reload: () => calls.push('reload'),
    offer: () => calls.push('offer'),
  })
  return { container, calls }
}

describe('watchForNewVersion', () => {
  test('an untouched page served by an older worker reloads onto the new one, once', () => {
    const { container, calls } = watched(true, false)
    container.takeOver()
    container.takeOver()
    expect(calls).toEqual(['reload'])
  })

  test('a page in use is offered the new version instead of being reloaded', () => {
    const { container, calls } = watched(true, true)
    container.takeOver()
    expect(calls).toEqual(['offer'])
  })

  test("a first visit's worker claiming the page is no new version; the next worker is", () => {
    const { container, calls } = watched(false, false)
    container.takeOver()
    expect(calls).toEqual([])
    container.takeOver()
    expect(calls).toEqual(['reload'])
  })
})

describe('trackFirstInteraction', () => {
  test('is false until a key or pointer press', () => {
    const target = new EventTarget()
    const touched = trackFirstInteraction(target as unknown as Window)
    expect(touched()).toBe(false)
    target.dispatchEvent(new Event('keydown'))
    expect(touched()).toBe(true)
  })
})
