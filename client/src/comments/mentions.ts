/**
 * `@mentions` in a comment: who can be mentioned (people and roles), the `@query` being typed at the
 * caret, the ranking of candidates for it, and the mentions a finished text holds (meta.mentions).
 */

export type Mention = { readonly kind: 'person' | 'role'; readonly id: string; readonly name: string }

/** The `@query` that ends at the caret, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(before)
  if (!match) return null
  return { start: before.length - match[2]!.length - 1, query: match[2]! }
}

/**
 * Candidates for a query, best first: a name starting with it, then a word of the name starting with
 * it, then containing it; people before roles at equal rank, then by name. At most `limit`.
 */
export function rankMentions(candidates: readonly Mention[], query: string, limit = 6): Mention[] {
  const q = query.toLowerCase()
  const rank = (name: string): number => {
    const lower = name.toLowerCase()
    if (lower.startsWith(q)) return 0
    if (lower.split(/\s+/).some((word) => word.startsWith(q))) return 1
    if (lower.includes(q)) return 2
    return -1
  }
  return candidates
    .map((mention) => ({ mention, rank: rank(mention.name) }))
    .filter(({ rank }) => rank >= 0)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(a.mention.kind === 'role') - Number(b.mention.kind === 'role') ||
        a.mention.name.localeCompare(b.mention.name),
    )
    .slice(0, limit)
    .map(({ mention }) => mention)
}

/** The text with the `@query` at `start` replaced by `@Name `, and the caret after it. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  mention: Mention,
): { text: string; caret: number } {
  const inserted = `@${mention.name} `
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length }
}

/** The mentions (picked while typing) whose `@Name` is still in the text, each once. */
export function mentionsIn(text: string, picked: readonly Mention[]): Mention[] {
  const seen = new Set<string>()
  return picked.filter((mention) => {
    const key = `${mention.kind}:${mention.id}`
    if (seen.has(key) || !text.includes(`@${mention.name}`)) return false
    seen.add(key)
    return true
  })
}

/** Unique candidates (by kind and id), the first name of each kept. */
export function uniqueMentions(candidates: readonly Mention[]): Mention[] {
  const byKey = new Map<string, Mention>()
  for (const mention of candidates) {
    const key = `${mention.kind}:${mention.id}`
    if (!byKey.has(key) && mention.name.trim() !== '') byKey.set(key, mention)
  }
  return [...byKey.values()]
}

/** Whether a comment's mentions name me: my person id, or a role I said is mine. */
export function mentionsMe(mentions: unknown, me: string, myRoles: ReadonlySet<string>): boolean {
  if (!Array.isArray(mentions)) return false
  return mentions.some((mention: { kind?: unknown; id?: unknown }) =>
    mention?.kind === 'person'
      ? mention.id === me
      : mention?.kind === 'role' && myRoles.has(String(mention.id)),
  )
}
