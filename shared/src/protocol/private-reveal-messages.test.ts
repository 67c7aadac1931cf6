import { describe, expect, it } from 'vitest'
import {
  encodePrivateRevealMessages,
  MAX_REVEAL_NOTES_PER_MESSAGE,
  parsePrivateReveal,
} from './private-reveal-messages.ts'
import { MAX_STATELESS_REQUEST_BYTES } from './stateless-envelope.ts'

const page = { id: 'page:p', typeName: 'page' }
const note = (i: number, chars = 10) => ({ id: `shape:n${i}`, typeName: 'shape', text: 'é'.repeat(chars) })
const bytes = (text: string) => new TextEncoder().encode(text).byteLength
const notesOf = (messages: string[]) =>
  messages.flatMap((message) => (JSON.parse(message) as { notes: { id: string }[] }).notes)

describe('encodePrivateRevealMessages', () => {
  it('sends every note once, in order, each message with the pages and within the count limit', () => {
    const notes = Array.from({ length: 120 }, (_, i) => note(i))
    const messages = encodePrivateRevealMessages(7, [page], notes)
    expect(messages).toHaveLength(Math.ceil(120 / (MAX_REVEAL_NOTES_PER_MESSAGE - 1)))
    for (const message of messages) {
      const parsed = JSON.parse(message) as { session: number; notes: { id: string }[] }
      expect(parsed.session).toBe(7)
      expect(parsed.notes[0]).toEqual(page)
      expect(parsed.notes.length).toBeLessThanOrEqual(MAX_REVEAL_NOTES_PER_MESSAGE)
    }
    expect(notesOf(messages).filter((n) => n.id !== 'page:p')).toEqual(notes)
  })

  it('splits long notes so that no message is over the byte limit a client may send', () => {
    // Four notes of 200 Ki two-byte characters: about 400 KiB each, two fit in 1 MiB.
    const notes = Array.from({ length: 4 }, (_, i) => note(i, 200 * 1024))
    const messages = encodePrivateRevealMessages(1, [], notes)
    expect(messages.length).toBeGreaterThanOrEqual(2)
    for (const message of messages) expect(bytes(message)).toBeLessThanOrEqual(MAX_STATELESS_REQUEST_BYTES)
    expect(notesOf(messages)).toEqual(notes)
  })

  it('sends nothing for no notes, and messages the server reads back', () => {
    expect(encodePrivateRevealMessages(1, [page], [])).toEqual([])
    const [message] = encodePrivateRevealMessages(3, [], [note(1)])
    expect(parsePrivateReveal(message!)).toMatchObject({ ok: true })
  })
})
