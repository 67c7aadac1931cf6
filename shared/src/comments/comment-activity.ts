/**
 * What a span of history did to comments, per person and thread, in sentences a person reads
 * ("Dana: 2 replies on *Approve budget*", "Ana started a thread on *Approve budget*").
 *
 * Read from the records each entry wrote or removed (HistoryLog's effects), compared with the same
 * record just before the entry:
 * - a thread record that is new: a thread started (its first message belongs to the start);
 * - a message that is new on a thread that already had a message: a reply. The first message of a
 *   thread is its start, not a reply, whether it came in the thread's entry or a later one;
 * - a message whose body changed: an edit; whose `isDeleted` turned on, or that was removed: a delete;
 * - a thread whose `resolved` turned on or off: resolved or reopened; whose `isDeleted` turned on, or
 *   that was removed: a thread deleted;
 * - a new reaction: a reaction.
 */
import type { TLComment, TLCommentReaction, TLCommentThread } from '@tldraw/tlschema'
import type { HistoryLog } from '../history/history-log.ts'
import { LINT_RULES } from '../lint/rules.ts'
import { threadAnchorLabel } from './comment-threads.ts'

export type CommentEventKind =
  | 'started'
  | 'replied'
  | 'edited'
  | 'deleted'
  | 'resolved'
  | 'reopened'
  | 'deleted-thread'
  | 'reacted'

/** One thing one entry did to one thread. */
export type CommentEvent = { userId: string; threadId: string; kind: CommentEventKind }

/** What one person did to one thread over a span: how many of each kind. */
export type CommentActivity = {
  userId: string
  threadId: string
  /** What the thread is on, for a person: a step's label, a lint finding, "a point on the board". */
  threadLabel: string
  counts: Record<CommentEventKind, number>
}

type AnyRecord = { id: string; typeName: string }

/** The order in which a person's doings on one thread are told. */
const KIND_ORDER: readonly CommentEventKind[] = [
  'started',
  'replied',
  'edited',
  'deleted',
  'reacted',
  'resolved',
  'reopened',
  'deleted-thread',
]

/**
 * Follows comment records entry by entry. It needs to know, for a new message, whether its thread
 * already had one: it keeps the set of threads with a message (seeded from the records at the start).
 */
export class CommentEventReader {
  readonly #threadsWithMessages = new Set<string>()
  /** Threads whose start this reader told (their first message, coming later, is no second start). */
  readonly #startsTold = new Set<string>()

  constructor(recordsAtStart: Iterable<AnyRecord> = []) {
    for (const record of recordsAtStart) {
      if (record.typeName === 'comment') this.#threadsWithMessages.add((record as TLComment).threadId)
    }
  }

  /**
   * The comment events of one entry. `before(id)` is the record as it was just before the entry
   * (undefined when it did not exist); `effect` is what the entry wrote and removed.
   */
  read(
    userId: string,
    effect: { upserted: readonly AnyRecord[]; removed: readonly string[] },
    before: (id: string) => AnyRecord | undefined,
  ): CommentEvent[] {
    const events: CommentEvent[] = []
    const push = (threadId: string, kind: CommentEventKind) => {
      if (kind === 'started') {
        if (this.#startsTold.has(threadId)) return
        this.#startsTold.add(threadId)
      }
      events.push({ userId, threadId, kind })
    }
    // Threads first: a thread and its first message in one entry is one start.
    for (const record of effect.upserted) {
      if (record.typeName !== 'comment-thread') continue
      const thread = record as unknown as TLCommentThread
      const was = before(thread.id) as TLCommentThread | undefined
      if (was === undefined) {
        if (!thread.isDeleted) push(thread.id, 'started')
      } else if (!was.isDeleted && thread.isDeleted) push(thread.id, 'deleted-thread')
      else if (was.resolved === null && thread.resolved !== null) push(thread.id, 'resolved')
      else if (was.resolved !== null && thread.resolved === null) push(thread.id, 'reopened')
    }
    for (const record of effect.upserted) {
      if (record.typeName === 'comment') {
        const comment = record as unknown as TLComment
        const was = before(comment.id) as TLComment | undefined
        if (was === undefined) {
          const hadMessage = this.#threadsWithMessages.has(comment.threadId)
          this.#threadsWithMessages.add(comment.threadId)
          if (comment.isDeleted) continue
          // A first message is its thread's start, told once whether it came with the thread or after.
          push(comment.threadId, hadMessage ? 'replied' : 'started')
        } else if (!was.isDeleted && comment.isDeleted) push(comment.threadId, 'deleted')
        else if (!comment.isDeleted && JSON.stringify(was.body) !== JSON.stringify(comment.body)) {
          push(comment.threadId, 'edited')
        }
      } else if (record.typeName === 'comment-reaction') {
        const reaction = record as unknown as TLCommentReaction
        if (before(reaction.id) === undefined) push(reaction.threadId, 'reacted')
      }
    }
    for (const id of effect.removed) {
      const was = before(id)
      if (was?.typeName === 'comment-thread') {
        if (!(was as TLCommentThread).isDeleted) push(was.id, 'deleted-thread')
      } else if (was?.typeName === 'comment') {
        if (!(was as TLComment).isDeleted) push((was as TLComment).threadId, 'deleted')
      }
    }
    return events
  }
}

/**
 * Events gathered per person and thread, in the order each pair first appears. `recordOf` finds a
 * record (the thread, its shape) as it is at the end of the span, or as it last was if removed.
 */
export function gatherCommentEvents(
  events: readonly CommentEvent[],
  recordOf: (id: string) => unknown,
): CommentActivity[] {
  const items = new Map<string, CommentActivity>()
  for (const event of events) {
    const key = `${event.userId}\u0000${event.threadId}`
    let item = items.get(key)
    if (item === undefined) {
      item = {
        userId: event.userId,
        threadId: event.threadId,
        threadLabel: threadLabel(event.threadId, recordOf),
        counts: emptyCounts(),
      }
      items.set(key, item)
    }
    item.counts[event.kind]++
  }
  return [...items.values()]
}

/** What a span (after entry `fromSeq` up to entry `toSeq`) of a loaded log did to comments. */
export function commentActivity(log: HistoryLog, fromSeq: number, toSeq: number): CommentActivity[] {
  const start = log.contentAt(fromSeq)
  const records = new Map(start.records)
  const gone = new Map<string, unknown>()
  const reader = new CommentEventReader(records.values())
  const events: CommentEvent[] = []
  for (let seq = start.seq + 1; seq <= Math.min(toSeq, log.lastSeq); seq++) {
    const effect = log.effectOf(seq)
    const entry = log.entries[seq - 1]
    if (!effect || !entry) continue
    events.push(...reader.read(entry.userId, effect, (id) => records.get(id)))
    for (const id of effect.removed) {
      const was = records.get(id)
      if (was) gone.set(id, was)
      records.delete(id)
    }
    for (const record of effect.upserted) records.set(record.id, record)
  }
  return gatherCommentEvents(events, (id) => records.get(id) ?? gone.get(id))
}

/**
 * What a thread is on: the anchored shape's label (with the lint finding it was started from, when
 * it was), else the finding's title, else "a point on the board" ("a removed shape" for a shape
 * anchor whose shape is nowhere to be found).
 */
export function threadLabel(threadId: string, recordOf: (id: string) => unknown): string {
  const thread = recordOf(threadId) as TLCommentThread | undefined
  if (thread?.typeName !== 'comment-thread') return 'a thread'
  const shapeLabel = threadAnchorLabel(thread, recordOf)
  const ruleId = (thread.meta as { lintRule?: unknown }).lintRule
  const rule = LINT_RULES.find((candidate) => candidate.id === ruleId)
  if (shapeLabel !== null) return rule ? `${shapeLabel} (${rule.title})` : shapeLabel
  if (rule) return rule.title
  if (thread.anchor.type === 'shape') {
    return recordOf(thread.anchor.shapeId) === undefined ? 'a removed shape' : 'an unnamed shape'
  }
  return 'a point on the board'
}

/**
 * One person's doings on one thread as a sentence, the thread's label between asterisks:
 * "Dana: 2 replies on *Approve budget*", "Dana replied on *Approve budget*",
 * "Ana started a thread and resolved a thread on *Approve budget*".
 */
export function commentActivitySentence(item: CommentActivity, name: string): string {
  const { lead, label } = commentActivityParts(item, name)
  return `${lead} *${label}*`
}

/**
 * The sentence in two parts, for a UI that sets the label apart: `lead` ends with "on", `label` is the
 * thread's. Without a name (`name` null) the lead is the doing alone ("2 replies on", "replied on").
 */
export function commentActivityParts(
  item: CommentActivity,
  name: string | null,
): { lead: string; label: string } {
  const kinds = KIND_ORDER.filter((kind) => item.counts[kind] > 0)
  const replies = item.counts.replied
  if (kinds.length === 1 && kinds[0] === 'replied' && replies > 1) {
    const lead = `${replies} replies on`
    return { lead: name === null ? lead : `${name}: ${lead}`, label: item.threadLabel }
  }
  const doings = joinWords(kinds.map((kind) => doing(kind, item.counts[kind])))
  return { lead: name === null ? `${doings} on` : `${name} ${doings} on`, label: item.threadLabel }
}

function doing(kind: CommentEventKind, count: number): string {
  const times = (one: string, many: string) => (count === 1 ? one : many)
  switch (kind) {
    case 'started':
      return times('started a thread', `started ${count} threads`)
    case 'replied':
      return times('replied', `replied ${count} times`)
    case 'edited':
      return times('edited a comment', `edited ${count} comments`)
    case 'deleted':
      return times('deleted a comment', `deleted ${count} comments`)
    case 'reacted':
      return times('reacted', `reacted ${count} times`)
    case 'resolved':
      return 'resolved a thread'
    case 'reopened':
      return 'reopened a thread'
    case 'deleted-thread':
      return 'deleted a thread'
    default: {
      const unknownKind: never = kind
      return unknownKind
    }
  }
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

function emptyCounts(): Record<CommentEventKind, number> {
  return {
    started: 0,
    replied: 0,
    edited: 0,
    deleted: 0,
    resolved: 0,
    reopened: 0,
    'deleted-thread': 0,
    reacted: 0,
  }
}
