import { describe, expect, it } from 'vitest'
import { isServerPath, SERVER_PATH_PREFIXES, serverPathPattern } from './server-paths.ts'

const denylist = SERVER_PATH_PREFIXES.map(({ prefix }) => serverPathPattern(prefix))
const denied = (url: string) => denylist.some((pattern) => pattern.test(url))

describe('the server paths', () => {
  it("counts a prefix and what is below it as the server's, and nothing that only starts with its letters", () => {
    for (const path of [
      '/api',
      '/api/boards/b1/history',
      '/collab',
      '/yjs/b1',
      '/healthz',
      '/metrics',
      '/config.json',
    ]) {
      expect({ path, server: isServerPath(path) }).toEqual({ path, server: true })
    }
    for (const path of ['/', '/b/b1', '/apiary', '/collaborate', '/config.jsonp', '/assets/index.js']) {
      expect({ path, server: isServerPath(path) }).toEqual({ path, server: false })
    }
  })

  it("keeps the service worker's app shell off every server path, with or without a query, and on the app's", () => {
    for (const url of [
      '/api/boards',
      '/api',
      '/healthz?probe=1',
      '/metrics',
      '/config.json',
      '/collab',
      '/yjs/b1',
    ]) {
      expect({ url, denied: denied(url) }).toEqual({ url, denied: true })
    }
    for (const url of ['/', '/b/b1?token=abc', '/apiary', '/config.jsonp']) {
      expect({ url, denied: denied(url) }).toEqual({ url, denied: false })
    }
  })
})
