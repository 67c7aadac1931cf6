/**
 * What the server keeps per board, independent of the database behind it. SQLite implements it
 * (sqlite-storage.ts); a Postgres implementation would implement the same interface.
 *
 * Invariant the rest of the server relies on: the history log is the source of truth. A board's state
 * is `checkpoint or snapshot (whichever is newer) + every history entry after its seq`. Snapshots and
 * checkpoints only make loading and replay faster; losing one loses nothing.
 */
import type { MemberChange, Role, SavedTemplateJson } from '@flowmap/shared'
import type { StorageFailure } from './storage-health.ts'

/** A row of the boards table: listing metadata. The title is a copy of the doc's `board.title`. */
export interface BoardRecord {
  id: string
  title: string
  /** ms since the epoch */
  createdAt: number
  /** ms since the epoch; moves when a snapshot of a changed board is written or its title changes */
  updatedAt: number
  /**
   * ms since the epoch, when a facilitator deleted it; null while it is live. A deleted board keeps
   * all its data (so it can be restored) until it is purged, `deletedBoardRetentionMs` later.
   */
  deletedAt: number | null
}

/**
 * One accepted update as stored, appended before the sender is acknowledged. The API sends it as
 * `HistoryEntryJson` and replay reads it as `HistoryEntry` (both @flowmap/shared, history/history-entry.ts).
 */
export interface StoredHistoryEntry {
  boardId: string
  /** 1, 2, 3 … per board, gap-free, assigned by the storage on append */
  seq: number
  /** ms since the epoch, when the server accepted the update */
  time: number
  /** the token's `sub` (or 'local' in local mode); null for server-made changes */
  userId: string | null
  /** the token's `name` at the time, so replay can show who without a user table */
  userName: string | null
  /** the Yjs client id whose clock the update advanced; null for a delete-only update */
  clientId: number | null
  /** the Yjs update, V1 encoding (what Hocuspocus speaks) */
  update: Uint8Array
}

export type NewHistoryEntry = Omit<StoredHistoryEntry, 'seq'>

/** A full document state (Yjs V1 update) that includes every history entry up to and including `seq`. */
export interface StoredState {
  seq: number
  state: Uint8Array
}

export interface CheckpointInfo {
  seq: number
  time: number
}

/**
 * A facilitator's name for a moment of a board ("after round 1"): it points at a history seq, so replay
 * can jump to it and restore it. Metadata beside the history, never part of the board's doc.
 */
export interface NamedVersion {
  boardId: string
  /** The history seq the name points at: the board as it was after that entry. */
  seq: number
  name: string
  /** ms since the epoch, when it was named */
  time: number
  userId: string
  userName: string
}

/**
 * A board a facilitator saved as a template: a snapshot of its roles and records (validated as they were
 * saved, in the current schema), offered in the new-board picker beside the built-in templates. It
 * outlives the board it came from: deleting that board leaves the template.
 */
export interface StoredTemplate {
  id: string
  name: string
  description: string
  /** The board it was saved from. */
  boardId: string
  /** ms since the epoch */
  createdAt: number
  /** the token's `name` of the facilitator who saved it */
  createdBy: string
  roles: Role[]
  records: SavedTemplateJson['records']
}

/**
 * Who first wrote under a Yjs client ID on a board: only they may write structs under it again (a
 * writer that knows another's ID could otherwise plant content at that writer's next clock).
 */
export interface ClientIdClaim {
  /** the Yjs client ID (a random 32-bit integer the writer's doc chose) */
  clientId: number
  /** the token's `sub` of the first writer; null for the server's own changes */
  owner: string | null
  /** ms since the epoch, when the first update under this ID was accepted */
  firstSeen: number
}

/**
 * One unrevealed vote: held beside the board, never in its doc (the doc reaches every reader), and
 * stored before its voter is answered so a restart mid-vote loses none.
 */
export interface StoredVote {
  boardId: string
  /** the open vote's id (the doc's `workshop.vote.id`) */
  voteId: string
  /** the voter's token `sub` */
  userId: string
  shapeId: string
  /** ms since the epoch */
  castAt: number
}

/** What one person may hold in one vote: the storage checks it in the same step as the insert. */
export interface BallotRule {
  votesPerPerson: number
  /** at most one of the person's votes on each shape */
  onePerShape: boolean
}

export type CreateBoardResult = { ok: true; board: BoardRecord } | { ok: false; reason: 'exists' }

/**
 * An image or file in the asset store: its bytes are kept once, by their SHA-256, in the asset files
 * (assets/asset-files.ts); this is what the database knows of it, and of the board it is read through.
 */
export interface StoredAsset {
  /** SHA-256 of the bytes, 64 lowercase hex digits */
  hash: string
  /** sniffed from the bytes */
  mimeType: string
  size: number
  /** ms since the epoch, when the bytes were first stored */
  createdAt: number
  /** the file's name when it was uploaded to this board ('' when it had none) */
  name: string
}

/** One board's link to an asset: what the asset collector judges. */
export interface AssetLink {
  hash: string
  size: number
  /** ms since the epoch, when the board last uploaded these bytes (an upload of them again refreshes it) */
  linkedAt: number
}

/** A recorded asset's hash and size (the bytes its file frees). */
export interface StoredAssetFile {
  hash: string
  size: number
}

export interface BoardStorage {
  createBoard(board: { id: string; title: string; now: number }): CreateBoardResult
  /** The row of a board first seen over the socket (a client may make up its id offline). */
  ensureBoard(id: string, now: number): BoardRecord
  getBoard(id: string): BoardRecord | undefined
  /** The boards not deleted, most recently updated first. */
  listBoards(): BoardRecord[]
  /** The deleted boards not yet purged, most recently deleted first. */
  listDeletedBoards(): BoardRecord[]
  /** Keeps the listing copy of the doc's title in step with the doc (extensions/title-sync.ts). */
  setTitle(boardId: string, title: string, now: number): void
  /** Marks a live board deleted; false when there is no such live board (absent, or deleted already). */
  markBoardDeleted(boardId: string, now: number): boolean
  /** Brings a deleted board back; false when there is no such deleted board (absent, live, or purged). */
  restoreBoard(boardId: string): boolean
  /** Removes for good, with their history, every board deleted at or before `cutoff`; returns their ids. */
  purgeBoardsDeletedBefore(cutoff: number): string[]
  /**
   * Appends and returns the new entry's seq. Synchronous: it is committed when this returns, and it
   * throws a StorageWriteError (storage-error.ts) when it is not. Every write method throws so.
   */
  appendUpdate(entry: NewHistoryEntry): number
  readHistory(boardId: string, page: { afterSeq: number; limit: number }): StoredHistoryEntry[]
  lastSeq(boardId: string): number
  /** Distinct people whose updates the board's history holds (server-made changes excluded). */
  contributorCount(boardId: string): number
  writeCheckpoint(boardId: string, checkpoint: StoredState & { time: number }): void
  latestCheckpoint(boardId: string): StoredState | undefined
  /** The newest checkpoint at or before `seq`: where rebuilding a past moment starts. */
  checkpointAtOrBefore(boardId: string, seq: number): (StoredState & { time: number }) | undefined
  listCheckpoints(boardId: string): CheckpointInfo[]
  /** The debounced document snapshot; `title` refreshes the listing copy. */
  writeSnapshot(boardId: string, snapshot: StoredState & { title: string; time: number }): void
  readSnapshot(boardId: string): StoredState | undefined
  addNamedVersion(version: NamedVersion): void
  /** Oldest first (by seq, then time). */
  listNamedVersions(boardId: string): NamedVersion[]
  /**
   * Records an asset whose bytes are stored, and lets `boardId` read it (the first upload of these bytes
   * records them; another board's upload of the same bytes only links them). A board that links them
   * already has its link's time moved to `now`: the asset collector keeps what was uploaded within its
   * window, and a client may upload again just before it writes the record that refers to the bytes.
   */
  linkAsset(boardId: string, asset: StoredAsset, now: number): void
  /** The asset `hash` as `boardId` may read it, or undefined when that board has no such asset. */
  linkedAsset(boardId: string, hash: string): StoredAsset | undefined
  /**
   * The live (not deleted) boards that link at least one asset: the asset collector's work list. A
   * deleted board keeps its links until it is purged, and the purge removes them with the board.
   */
  boardsWithAssets(): string[]
  /** Every asset `boardId` links, oldest link first. */
  assetLinks(boardId: string): AssetLink[]
  /**
   * Removes `boardId`'s link to `hash` if it was last linked (uploaded) at or before `linkedUntil`;
   * false when there is no such link, or it was refreshed since (an upload of the same bytes just now).
   */
  unlinkAsset(boardId: string, hash: string, linkedUntil: number): boolean
  /** How many boards link the asset `hash` (deleted boards' links included). */
  assetLinkCount(hash: string): number
  /** The recorded assets no board links any more (the asset collector forgets them, then their files). */
  unlinkedAssets(): StoredAssetFile[]
  /** Forgets the asset `hash` if no board links it; false when one does (or it is not recorded). */
  forgetUnlinkedAsset(hash: string): boolean
  /** Whether the asset `hash` is recorded: its file must then be kept. */
  isAssetRecorded(hash: string): boolean
  /**
   * The newest checkpoint written at or before `time` (ms since the epoch): where rebuilding the board
   * as it was at `time` starts.
   */
  checkpointAtOrBeforeTime(boardId: string, time: number): (StoredState & { time: number }) | undefined
  addTemplate(template: StoredTemplate): void
  /** Newest first. */
  listTemplates(): StoredTemplate[]
  /** false when the database cannot answer (disk gone, closed) or cannot take writes: /healthz answers 503. */
  isAvailable(): boolean
  /**
   * Why writes are failing now (the last write failed, or the database file was deleted or replaced),
   * or null while they succeed; the next successful write clears it.
   */
  writeFailure(): StorageFailure | null
  close(): void
  /** Every client ID claimed on a board (read once when the board is first written after loading). */
  readClientIds(boardId: string): ClientIdClaim[]
  /** Records first writers; an ID already claimed keeps its owner. */
  claimClientIds(boardId: string, claims: readonly ClientIdClaim[]): void
  /**
   * A facilitator's last change to one person on a board (auth/board-membership.ts applies it at every
   * authentication): their role from now on, or their removal. Replaces any earlier change.
   */
  setMemberChange(boardId: string, userId: string, change: MemberChange, now: number): void
  memberChange(boardId: string, userId: string): MemberChange | undefined
  /** Refuses one token (its `jti`) on a board from now on: the link of a removed person. */
  revokeToken(boardId: string, tokenId: string, now: number): void
  isTokenRevoked(boardId: string, tokenId: string): boolean
  /**
   * Stores one more vote (a person may hold several on one shape) when the person's votes stored so far
   * leave room under `rule`, checked and inserted as one step, so that two servers sharing the database
   * cannot both store the last vote of a budget; false (nothing stored) when there was no room.
   */
  castVote(vote: StoredVote, rule: BallotRule): boolean
  /** Removes one of the person's votes on the shape (the latest); false when they had none there. */
  withdrawVote(vote: Omit<StoredVote, 'castAt'>): boolean
  /** Every vote of one vote on a board, oldest first. */
  readVotes(boardId: string, voteId: string): StoredVote[]
  /** Runs `write` as one transaction: all its writes commit together, or none does (it rethrows). */
  atomically<T>(write: () => T): T
}
