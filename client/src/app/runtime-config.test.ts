import { describe, expect, it } from 'vitest'
import { FALLBACK_RUNTIME_CONFIG, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config.ts'

describe('parseRuntimeConfig', () => {
  it('reads the licence key and the auth flag', () => {
    expect(parseRuntimeConfig({ tldrawLicenseKey: 'tldraw-abc', authRequired: true })).toEqual({
      config: { tldrawLicenseKey: 'tldraw-abc', authRequired: true, deletedBoardRetentionDays: null },
      problem: null,
    })
  })

  it('treats a null or empty key as no key', () => {
    expect(
      parseRuntimeConfig({ tldrawLicenseKey: null, authRequired: false }).config.tldrawLicenseKey,
    ).toBeNull()
    expect(parseRuntimeConfig({ tldrawLicenseKey: '' }).config.tldrawLicenseKey).toBeNull()
  })

  it('names the field that is wrong', () => {
    const result = parseRuntimeConfig({ tldrawLicenseKey: 42 })
    expect(result.config).toEqual(FALLBACK_RUNTIME_CONFIG)
    expect(result.problem).toBe('/config.json: tldrawLicenseKey must be a string or null, got number')
  })
})

describe('loadRuntimeConfig', () => {
  it('falls back, with the reason, when the server has no /config.json', async () => {
    const result = await loadRuntimeConfig({ fetch: async () => new Response('nope', { status: 404 }) })
    expect(result).toEqual({ config: FALLBACK_RUNTIME_CONFIG, problem: '/config.json answered 404' })
  })

  it('passes the served key through', async () => {
    const result = await loadRuntimeConfig({
      fetch: async () => new Response(JSON.stringify({ tldrawLicenseKey: 'k', authRequired: false })),
    })
    expect(result.config.tldrawLicenseKey).toBe('k')
  })
})
