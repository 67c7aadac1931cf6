/**
 * The board's activity: who changed what, when, from its history log, for the Activity panel.
 *
 * 1. Entries are grouped: consecutive entries of one person, each within `gapMs` of the one before,
 *    are one group (a person's burst of work); another person's entry, or a pause, starts a new one.
 * 2. Each group is summed up in workflow words from the records its entries touched, compared with
 *    the same records just before the group: "added 3 steps, changed Approve budget, removed 1
 *    connector", plus what it did to comments (comment-activity.ts), the roles, the board's title and
 *    checks. Pages, the schema a client stamps on the board, the document record, cameras and bindings (an arrow's ends, told by the arrow)
 *    are left out.
 * 3. Groups are listed newest first under day headings ("Today", "Yesterday", "Mon 30 Nov"), reckoned
 *    from the `now` and the time-zone offset the caller passes, so the answer does not depend on the
 *    machine it runs on.
 *
 * One pass over the log's effects (no Yjs): the cost is the number of records the entries wrote.
 */
import type { TLRecord } from '@tldraw/tlschema'
import {
  type CommentActivity,
  type CommentEvent,
  CommentEventReader,
  commentActivityParts,
  gatherCommentEvents,
  joinWords,
} from '../comments/comment-activity.ts'
import { type BoardMeta, DEFAULT_BOARD_TITLE } from '../doc/board.ts'
import { changedFields } from './diff.ts'
import { SERVER_USER_ID } from './history-entry.ts'
import type { EntryEffect, HistoryLog } from './history-log.ts'

/** A pause longer than this between one person's entries starts a new group. */
export const DEFAULT_ACTIVITY_GAP_MS = 5 * 60 * 1000

export type ActivityGroup = {
  userId: string
  /** True for changes the server made itself (a restore, an import, a template, a vote's reveal). */
  server: boolean
  firstSeq: number
  lastSeq: number
  firstTime: number
  lastTime: number
  /** What the group did, in workflow words ("added 3 steps, changed Approve budget"). */
  summary: string
  /** What it did to comments, per thread (its `summary` tells them too). */
  comments: CommentActivity[]
}

export type ActivityDay = { heading: string; groups: ActivityGroup[] }

export type ActivityOptions = {
  /** The moment "Today" is reckoned from, ms since the epoch. */
  now: number
  /**
   * The reader's offset from UTC in minutes at a given moment (east positive: +60 in Paris in
   * winter). A browser passes `(t) => -new Date(t).getTimezoneOffset()`; a constant is fine for tests.
   */
  offsetMinutes: (time: number) => number
  /** Default `DEFAULT_ACTIVITY_GAP_MS`. */
  gapMs?: number
}

/** The log's activity groups, oldest first. */
export function activityGroups(log: HistoryLog, gapMs: number = DEFAULT_ACTIVITY_GAP_MS): ActivityGroup[] {
  const groups: ActivityGroup[] = []
  const records = new Map<string, TLRecord>()
  const gone = new Map<string, TLRecord>()
  const reader = new CommentEventReader()
  let board: Pick<BoardMeta, 'title' | 'disabledLintRules'> = {
    title: DEFAULT_BOARD_TITLE,
    disabledLintRules: [],
  }
  /** Whether an entry has written the board's own fields yet: the first to do so made the board. */
  let boardWritten = false
  let open: OpenGroup | null = null
  const close = () => {
    if (open === null) return
    const recordOf = (id: string) => records.get(id) ?? gone.get(id)
    const comments = gatherCommentEvents(open.events, recordOf)
    groups.push({
      userId: open.userId,
      server: open.userId === SERVER_USER_ID,
      firstSeq: open.firstSeq,
      lastSeq: open.lastSeq,
      firstTime: open.firstTime,
      lastTime: open.lastTime,
      summary: summarize(open, records, comments),
      comments,
    })
    open = null
  }
  for (const entry of log.entries) {
    const effect = log.effectOf(entry.seq)
    if (!effect) continue
    const boardWords = effect.board ? boardChangeWords(board, effect.board, !boardWritten) : []
    if (effect.board) {
      board = effect.board
      boardWritten = true
    }
    if (!isWorkOnTheMap(effect) && boardWords.length === 0) {
      // A page, the document record, a camera: applied, but no one's activity (and no break in it).
      for (const id of effect.removed) records.delete(id)
      for (const record of effect.upserted) records.set(record.id, record)
      continue
    }
    if (open === null || open.userId !== entry.userId || entry.time - open.lastTime > gapMs) {
      close()
      open = {
        userId: entry.userId,
        firstSeq: entry.seq,
        lastSeq: entry.seq,
        firstTime: entry.time,
        lastTime: entry.time,
        before: new Map(),
        events: [],
        roles: false,
        board: [],
      }
    }
    const group: OpenGroup = open
    group.lastSeq = entry.seq
    group.lastTime = entry.time
    group.events.push(...reader.read(entry.userId, effect, (id) => records.get(id)))
    for (const id of [...effect.upserted.map((record) => record.id), ...effect.removed]) {
      if (!group.before.has(id)) group.before.set(id, records.get(id) ?? null)
    }
    for (const id of effect.removed) {
      const was = records.get(id)
      if (was) gone.set(id, was)
      records.delete(id)
    }
    for (const record of effect.upserted) records.set(record.id, record)
    if (effect.roles) group.roles = true
    for (const words of boardWords) if (!group.board.includes(words)) group.board.push(words)
  }
  close()
  return groups
}

/**
 * What each entry that worked on the map did, by its seq, in the words of a group of one ("replied on
 * *Approve budget*", "added 1 image"): replay's caption for the moment after that entry. Entries that
 * are a client's upkeep (a page, a camera) have none.
 */
export function entrySummaries(log: HistoryLog): Map<number, string> {
  // A gap no two entries can be within: every entry is a group of its own.
  return new Map(activityGroups(log, Number.NEGATIVE_INFINITY).map((group) => [group.lastSeq, group.summary]))
}

/** The groups newest first, under their day headings (newest day first). */
export function activityByDay(groups: readonly ActivityGroup[], options: ActivityOptions): ActivityDay[] {
  const days: ActivityDay[] = []
  for (const group of [...groups].reverse()) {
    const heading = dayHeading(group.lastTime, options.now, options.offsetMinutes)
    const last = days.at(-1)
    if (last?.heading === heading) last.groups.push(group)
    else days.push({ heading, groups: [group] })
  }
  return days
}

const DAY_MS = 24 * 60 * 60 * 1000
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** "Today", "Yesterday", "Mon 30 Nov" (with the year when it is not `now`'s): the reader's local day. */
export function dayHeading(time: number, now: number, offsetMinutes: (time: number) => number): string {
  const local = (t: number) => new Date(t + offsetMinutes(t) * 60_000)
  const day = local(time)
  const today = local(now)
  const dayNumber = (date: Date) => Math.floor(date.getTime() / DAY_MS)
  const ago = dayNumber(today) - dayNumber(day)
  if (ago === 0) return 'Today'
  if (ago === 1) return 'Yesterday'
  // The shifted date's UTC fields are the reader's local ones.
  const text = `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`
  return day.getUTCFullYear() === today.getUTCFullYear() ? text : `${text} ${day.getUTCFullYear()}`
}

/** The record types whose changes are someone's work on the map (the rest is a client's upkeep). */
const WORK_TYPES: ReadonlySet<string> = new Set([
  'shape',
  'binding',
  'asset',
  'comment-thread',
  'comment',
  'comment-reaction',
])

const CREATED = 'created the board'

/** A client stamping the schema it wrote with is upkeep; a new title or a turned-off check is work. */
function boardChangeWords(
  before: Pick<BoardMeta, 'title' | 'disabledLintRules'>,
  after: Pick<BoardMeta, 'title' | 'disabledLintRules'>,
  first: boolean,
): string[] {
  const words: string[] = []
  // The first title is the one the board was made with (a new board is written with its title).
  if (after.title !== before.title) {
    words.push(first ? `${CREATED} "${after.title}"` : `renamed the board to "${after.title}"`)
  }
  if (after.disabledLintRules.join('\u0000') !== before.disabledLintRules.join('\u0000')) {
    words.push("changed the board's checks")
  }
  return words
}

/** Shapes, connectors, images, comments and the roles are work on the map; boards' fields are judged apart. */
function isWorkOnTheMap(effect: EntryEffect): boolean {
  if (effect.roles !== null) return true
  if (effect.upserted.some((record) => WORK_TYPES.has(record.typeName))) return true
  // A removed record is gone from the effect: judged by its id's type prefix ("shape:…").
  return effect.removed.some((id) => WORK_TYPES.has(id.slice(0, id.indexOf(':'))))
}

type OpenGroup = {
  userId: string
  firstSeq: number
  lastSeq: number
  firstTime: number
  lastTime: number
  /** Each touched record as it was before the group (null: it did not exist). */
  before: Map<string, TLRecord | null>
  events: CommentEvent[]
  roles: boolean
  /** What it did to the board's own fields, in words. */
  board: string[]
}

/** How a shape type is called in a summary: [one, many]. */
const SHAPE_NOUNS: Record<string, readonly [string, string]> = {
  step: ['step', 'steps'],
  decision: ['decision', 'decisions'],
  lane: ['lane', 'lanes'],
  stage: ['stage', 'stages'],
  artifact: ['artifact', 'artifacts'],
  event: ['event', 'events'],
  arrow: ['connector', 'connectors'],
  note: ['sticky note', 'sticky notes'],
  text: ['text', 'texts'],
  geo: ['shape', 'shapes'],
  image: ['image', 'images'],
  video: ['video', 'videos'],
  bookmark: ['link', 'links'],
  embed: ['embed', 'embeds'],
  frame: ['frame', 'frames'],
  draw: ['drawing', 'drawings'],
  highlight: ['highlight', 'highlights'],
  line: ['line', 'lines'],
  group: ['group', 'groups'],
}

/** A changed shape is named when at most this many shapes changed and each has a label. */
const NAMED_CHANGES = 2

function summarize(
  group: OpenGroup,
  records: ReadonlyMap<string, TLRecord>,
  comments: readonly CommentActivity[],
): string {
  const added: TLRecord[] = []
  const changed: TLRecord[] = []
  const removed: TLRecord[] = []
  let connections = false
  const files: TLRecord[] = []
  for (const [id, was] of group.before) {
    const now = records.get(id) ?? null
    const current = now ?? was
    if (current === null) continue
    if (current.typeName === 'binding') {
      if (!sameRecord(was, now)) connections = true
      continue
    }
    if (current.typeName === 'asset') {
      // The file behind an image (stored, its variants made): told only when no shape tells it.
      if (!sameRecord(was, now)) files.push(current)
      continue
    }
    if (current.typeName !== 'shape') continue
    if (was === null && now !== null) added.push(now)
    else if (was !== null && now === null) removed.push(was)
    else if (was !== null && now !== null && !sameRecord(was, now)) changed.push(now)
  }
  // The board's making comes first ("created the board …, added 2 steps"), its other changes last.
  const made = group.board.filter((words) => words.startsWith(CREATED))
  const parts: string[] = [...made]
  if (added.length > 0) parts.push(`added ${countByNoun(added)}`)
  if (changed.length > 0) {
    const labels = changed.map(shapeLabel)
    const named = changed.length <= NAMED_CHANGES && labels.every((label) => label !== null)
    parts.push(`changed ${named ? joinWords(labels as string[]) : countByNoun(changed)}`)
  }
  if (removed.length > 0) parts.push(`removed ${countByNoun(removed)}`)
  const shapesTold = added.length + changed.length + removed.length > 0
  if (connections && !shapesTold) parts.push('changed connections')
  if (files.length > 0 && !shapesTold) parts.push(`updated the file of ${countByNoun(files)}`)
  for (const item of comments) {
    const { lead, label } = commentActivityParts(item, null)
    parts.push(`${lead} ${label}`)
  }
  if (group.roles) parts.push('changed the roles')
  parts.push(...group.board.filter((words) => !made.includes(words)))
  return parts.length === 0 ? 'changed nothing on the map' : parts.join(', ')
}

function sameRecord(a: TLRecord | null, b: TLRecord | null): boolean {
  if (a === null || b === null) return a === b
  return (
    changedFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>).length ===
    0
  )
}

/** "3 steps, 1 connector": counts per kind of shape, the most first. */
function countByNoun(shapes: readonly TLRecord[]): string {
  const counts = new Map<string, number>()
  for (const shape of shapes) {
    const type = (shape as { type?: string }).type ?? 'shape'
    counts.set(type, (counts.get(type) ?? 0) + 1)
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => {
      const [one, many] = SHAPE_NOUNS[type] ?? ['shape', 'shapes']
      return `${count} ${count === 1 ? one : many}`
    })
    .join(', ')
}

function shapeLabel(shape: TLRecord): string | null {
  const props = (shape as { props?: Record<string, unknown> }).props ?? {}
  for (const key of ['question', 'label', 'name', 'text']) {
    const value = props[key]
    if (typeof value === 'string' && value.trim() !== '') {
      const trimmed = value.trim().replace(/\s+/g, ' ')
      return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed
    }
  }
  return null
}
