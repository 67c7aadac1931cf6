import { cleanPersonName, PERSON_ID_PATTERN } from '@flowmap/shared'

/**
 * Who I am on this device, as others see me in presence: a stable id, a name and a colour, chosen
 * once per device (kept in localStorage) and editable. Not an account: the share token decides rights.
 * In local mode (no share token) it is also who history credits this device's edits to (local-identity.ts).
 */
export type PersonIdentity = {
  readonly id: string
  readonly name: string
  readonly color: string
  /** True once the person picked the colour; until then it may change to differ from others'. */
  readonly colorChosen?: boolean
}

/** Colours that read well as cursors and outlines on a white board (tldraw's own collaborator hues). */
export const PERSON_COLORS = [
  '#e03131',
  '#1971c2',
  '#2f9e44',
  '#f08c00',
  '#9c36b5',
  '#0c8599',
  '#c2255c',
  '#5c940d',
] as const

const STORAGE_KEY = 'flowmap.identity'
const COLOR = /^#[0-9a-f]{6}$/i

/** The identity stored on this device, or a new one (named after the share link when it names someone). */
export function loadIdentity(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  options: { suggestedName?: string | null; random?: () => number } = {},
): PersonIdentity {
  const stored = parseIdentity(readJson(storage.getItem(STORAGE_KEY)))
  if (stored) return stored
  const random = options.random ?? Math.random
  const created: PersonIdentity = {
    id: `p${Math.floor(random() * 2 ** 48).toString(36)}${Math.floor(random() * 2 ** 48).toString(36)}`,
    name: cleanPersonName(options.suggestedName ?? '') || `Guest ${Math.floor(random() * 900 + 100)}`,
    color: PERSON_COLORS[Math.floor(random() * PERSON_COLORS.length)] ?? PERSON_COLORS[0],
    colorChosen: false,
  }
  storage.setItem(STORAGE_KEY, JSON.stringify(created))
  return created
}

export function saveIdentity(storage: Pick<Storage, 'setItem'>, identity: PersonIdentity): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(identity))
}

export function isPersonColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR.test(value)
}

export function parseIdentity(value: unknown): PersonIdentity | null {
  if (typeof value !== 'object' || value === null) return null
  const { id, name, color } = value as Record<string, unknown>
  if (typeof id !== 'string' || !PERSON_ID_PATTERN.test(id)) return null
  if (typeof name !== 'string' || cleanPersonName(name) === '') return null
  if (!isPersonColor(color)) return null
  const colorChosen = (value as { colorChosen?: unknown }).colorChosen === true
  return { id, name: cleanPersonName(name), color, colorChosen }
}

function readJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * A colour for me that nobody else here wears, when mine was given rather than chosen and clashes.
 * Of two people with the same given colour only one moves (the one with the larger awareness client
 * id), so the two never swap back and forth. null: keep the colour.
 */
export function colorAvoidingOthers(
  me: { clientId: number; color: string; colorChosen: boolean },
  others: readonly { clientId: number; color: string }[],
): string | null {
  if (me.colorChosen) return null
  const clash = others.some((other) => other.color === me.color && other.clientId < me.clientId)
  if (!clash) return null
  const taken = new Set(others.map((other) => other.color))
  return PERSON_COLORS.find((color) => !taken.has(color)) ?? null
}
