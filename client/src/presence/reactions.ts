/**
 * Reactions: a short emoji a person sends that floats up on everyone's screen. They travel in
 * awareness (presence), never in the doc: a reaction is a moment, not part of the map or its history.
 *
 * A sender's awareness state carries its latest reaction with a sequence number; a receiver floats a
 * reaction when a peer's number moves on, never for the one a peer already had when it was first seen
 * (a late joiner does not get a shower of old reactions). Each person may send REACTION_LIMIT.max
 * reactions per REACTION_LIMIT.windowMs: the picker holds back beyond that, and receivers drop what a
 * modified client sends beyond it, so nobody can flood the room.
 */

export const REACTION_EMOJIS = ['👍', '❤️', '🎉', '😂', '🤔', '👏'] as const

export type ReactionEmoji = (typeof REACTION_EMOJIS)[number]

/** What a sender's awareness state carries: its latest reaction. */
export type SharedReaction = { readonly seq: number; readonly emoji: ReactionEmoji }

export const REACTION_LIMIT = { max: 5, windowMs: 10_000 } as const

export function isReactionEmoji(value: unknown): value is ReactionEmoji {
  return typeof value === 'string' && (REACTION_EMOJIS as readonly string[]).includes(value)
}

/** A peer's latest reaction, null for none (or a client that predates reactions), or what is wrong. */
export function parseSharedReaction(value: unknown): SharedReaction | null | string {
  if (value === undefined || value === null) return null
  if (typeof value !== 'object' || Array.isArray(value)) return 'reaction must be {seq, emoji} or null'
  const { seq, emoji } = value as Record<string, unknown>
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    return 'reaction.seq must be a whole number'
  }
  if (!isReactionEmoji(emoji)) return `reaction.emoji must be one of ${REACTION_EMOJIS.join(' ')}`
  return { seq, emoji }
}

/**
 * A sliding window of the times one person's reactions were let through. `admit` says whether one
 * more at `now` is within the limit, and counts it if so.
 */
export class ReactionWindow {
  private readonly times: number[] = []
  private readonly limit: { max: number; windowMs: number }

  constructor(limit: { max: number; windowMs: number } = REACTION_LIMIT) {
    this.limit = limit
  }

  admit(now: number): boolean {
    while (this.times.length > 0 && now - (this.times[0] ?? now) >= this.limit.windowMs) this.times.shift()
    if (this.times.length >= this.limit.max) return false
    this.times.push(now)
    return true
  }
}

/** A reaction to float: whose, which, and a key unique on this page. */
export type ReactionEvent = {
  readonly key: string
  readonly emoji: ReactionEmoji
  readonly name: string
  readonly color: string
}

/**
 * Which peers' reactions are new since the last look. Remembers each client's last sequence number;
 * a client seen for the first time only sets it. Per-client windows apply the limit on receipt.
 */
export class ReactionTracker {
  private readonly seen = new Map<number, number>()
  private readonly windows = new Map<number, ReactionWindow>()

  /** The clients' latest reactions; returns those to float now. */
  next(
    states: ReadonlyArray<{ clientId: number; reaction: SharedReaction | null; name: string; color: string }>,
    now: number,
  ): ReactionEvent[] {
    const events: ReactionEvent[] = []
    const present = new Set<number>()
    for (const { clientId, reaction, name, color } of states) {
      present.add(clientId)
      const last = this.seen.get(clientId)
      const seq = reaction?.seq ?? -1
      this.seen.set(clientId, seq)
      if (last === undefined || reaction === null || seq <= last) continue
      let window = this.windows.get(clientId)
      if (window === undefined) {
        window = new ReactionWindow()
        this.windows.set(clientId, window)
      }
      if (!window.admit(now)) continue
      events.push({ key: `${clientId}:${seq}`, emoji: reaction.emoji, name, color })
    }
    for (const clientId of [...this.seen.keys()]) {
      if (!present.has(clientId)) {
        this.seen.delete(clientId)
        this.windows.delete(clientId)
      }
    }
    return events
  }
}
