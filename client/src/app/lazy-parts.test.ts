import { describe, expect, it } from 'vitest'
import { loadOnce } from './lazy-parts.ts'

describe('loadOnce', () => {
  it('loads once however often it is asked, and hands every caller the same part', async () => {
    let loads = 0
    const load = loadOnce(async () => {
      loads++
      return { part: loads }
    })
    const [first, second] = await Promise.all([load(), load()])
    expect(await load()).toBe(first)
    expect(second).toBe(first)
    expect(loads).toBe(1)
  })

  it('tries again after a failed load (offline, a deploy that replaced the chunk) instead of keeping the failure', async () => {
    let loads = 0
    const load = loadOnce(async () => {
      loads++
      if (loads === 1) throw new Error('Failed to fetch dynamically imported module')
      return 'part'
    })
    await expect(load()).rejects.toThrow('Failed to fetch')
    expect(await load()).toBe('part')
    expect(loads).toBe(2)
  })
})
