import { describe, expect, it } from 'vitest'
import {
  insertMention,
  type Mention,
  mentionQueryAt,
  mentionsIn,
  mentionsMe,
  rankMentions,
} from './mentions.ts'

const dana: Mention = { kind: 'person', id: 'local:pdana', name: 'Dana Scott' }
const ali: Mention = { kind: 'person', id: 'local:pali', name: 'Ali Daniels' }
const approver: Mention = { kind: 'role', id: 'r1', name: 'Dan approver' }

describe('mentions', () => {
  it('finds the @query at the caret, not inside a word', () => {
    expect(mentionQueryAt('hi @Da', 6)).toEqual({ start: 3, query: 'Da' })
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionQueryAt('mail a@b', 8)).toBeNull()
    expect(mentionQueryAt('hi @Dana there', 14)).toBeNull()
  })

  it('ranks a name start before a word start before a match inside, people before roles', () => {
    expect(rankMentions([approver, ali, dana], 'dan')).toEqual([dana, approver, ali])
    expect(rankMentions([approver, ali, dana], 'zz')).toEqual([])
  })

  it('inserts the picked name and keeps only mentions still in the text', () => {
    expect(insertMention('hi @Da!', 3, 6, dana)).toEqual({ text: 'hi @Dana Scott !', caret: 15 })
    expect(mentionsIn('@Dana Scott, look', [dana, ali, dana])).toEqual([dana])
  })

  it('knows a comment mentions me by my id or by a role I said is mine', () => {
    expect(mentionsMe([dana], 'local:pdana', new Set())).toBe(true)
    expect(mentionsMe([approver], 'local:pdana', new Set(['r1']))).toBe(true)
    expect(mentionsMe([approver, ali], 'local:pdana', new Set())).toBe(false)
    expect(mentionsMe('nonsense', 'local:pdana', new Set())).toBe(false)
  })
})
