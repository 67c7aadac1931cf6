import { describe, expect, it } from 'vitest'
import { pickAssetSource } from './variant-pick.ts'

const original = '/api/boards/b/assets/original'
const variants = [
  { w: 300, src: 'quarter' },
  { w: 600, src: 'half' },
]
const at = (screenScale: number, dpr = 1, shouldResolveToOriginal = false) => ({
  screenScale,
  dpr,
  shouldResolveToOriginal,
})

describe('which copy of a 1200 px picture is drawn', () => {
  it('the smallest variant that covers the drawn width in device pixels', () => {
    expect(pickAssetSource(original, 1200, variants, at(0.1))).toBe('quarter')
    expect(pickAssetSource(original, 1200, variants, at(0.25))).toBe('quarter')
    expect(pickAssetSource(original, 1200, variants, at(0.26))).toBe('half')
    expect(pickAssetSource(original, 1200, variants, at(0.5))).toBe('half')
  })

  it('counts device pixels: the same zoom on a retina screen needs the next size up', () => {
    expect(pickAssetSource(original, 1200, variants, at(0.25, 2))).toBe('half')
    expect(pickAssetSource(original, 1200, variants, at(0.5, 2))).toBe(original)
  })

  it('the original when no variant is wide enough, or there are none', () => {
    expect(pickAssetSource(original, 1200, variants, at(0.51))).toBe(original)
    expect(pickAssetSource(original, 1200, variants, at(3))).toBe(original)
    expect(pickAssetSource(original, 1200, [], at(0.1))).toBe(original)
  })

  it('the original for an export or a copy, however small it is drawn', () => {
    expect(pickAssetSource(original, 1200, variants, at(0.1, 1, true))).toBe(original)
  })

  it('never a "variant" as wide as the original, nor on a nonsense scale', () => {
    expect(pickAssetSource(original, 600, variants, at(0.9))).toBe(original)
    expect(pickAssetSource(original, 1200, variants, at(Number.NaN))).toBe(original)
  })
})
