import { describe, expect, it } from 'vitest'
import { colorAvoidingOthers, loadIdentity, PERSON_COLORS, parseIdentity, saveIdentity } from './identity.ts'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('identity on this device', () => {
  it('is created once, named after the share link, and the same on the next load', () => {
    const storage = memoryStorage()
    const first = loadIdentity(storage, { suggestedName: 'Grace' })
    expect(first.name).toBe('Grace')
    expect(loadIdentity(storage, { suggestedName: 'Someone else' })).toEqual(first)
  })

  it('an edited name and colour are what the next load gives', () => {
    const storage = memoryStorage()
    const first = loadIdentity(storage)
    saveIdentity(storage, { ...first, name: 'Renamed', color: '#2f9e44' })
    expect(loadIdentity(storage)).toMatchObject({ id: first.id, name: 'Renamed', color: '#2f9e44' })
  })

  it('a damaged stored identity is replaced, not used', () => {
    const storage = memoryStorage()
    storage.setItem('flowmap.identity', '{"id":"x","name":"","color":"blue"}')
    const identity = loadIdentity(storage)
    expect(parseIdentity(identity)).toEqual(identity)
    expect(identity.id).not.toBe('x')
  })
})

describe('a given colour that clashes', () => {
  const [red, blue, green] = PERSON_COLORS
  it('moves to a free colour, for the later of the two only', () => {
    expect(
      colorAvoidingOthers({ clientId: 9, color: red, colorChosen: false }, [
        { clientId: 3, color: red },
        { clientId: 4, color: blue },
      ]),
    ).toBe(green)
    expect(
      colorAvoidingOthers({ clientId: 3, color: red, colorChosen: false }, [{ clientId: 9, color: red }]),
    ).toBeNull()
  })
  it('stays when the person chose it', () => {
    expect(
      colorAvoidingOthers({ clientId: 9, color: red, colorChosen: true }, [{ clientId: 3, color: red }]),
    ).toBeNull()
  })
})
