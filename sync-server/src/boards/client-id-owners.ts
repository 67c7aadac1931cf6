/**
 * Who may write structs under each Yjs client ID of one loaded board.
 *
 * Yjs names every struct by (client ID, clock), and a client ID is only a number the writer's doc picked:
 * nothing in Yjs stops one writer from using another's. Structs planted at a client's next clock make
 * that client's own next structs look like duplicates (skipped, so its edits silently never arrive) or
 * leave them depending on content the server will never get. So the first writer of an ID owns it on
 * the board, and an update with structs under an ID that someone else owns is refused. Deletes name no
 * writer (deleting other people's items is ordinary editing), so only struct client IDs count.
 *
 * Owners:
 * - with share links, the person: the token's subject, stored, so that a client that comes back after a
 *   dropped socket, a server restart or days offline keeps writing under its own IDs;
 * - in local mode everyone is the same 'local' user, so the owner is the connection, while it is open
 *   (in memory only: a closed connection's IDs are free again, and a returning client claims them anew);
 * - the server, for the IDs of changes it makes itself (restores, server-side writes).
 *
 * Which structs count: with people as owners, every struct under a foreign ID, even one the server
 * already has; an honest client never sends another person's structs (its SyncStep2 holds only what the
 * server lacks, and its tabs relaying each other's edits through the device's database are the same
 * person), and accepting "duplicates" would acknowledge edits the server silently skipped. In local mode,
 * only structs that add to what the server has: a person's tabs relay each other's edits through the
 * device's database, under the other tab's ID, and there every tab is a different owner.
 *
 * Announced IDs: a fresh ID could otherwise be taken by whoever writes under it first, and the one way
 * to learn someone's ID before they write is their awareness state, which the server relays to everyone.
 * So a connection that announces a presence under an ID nobody owns, with nothing on the board under it,
 * owns it from then on, in memory until its first write under it is stored; the announcement lapses if
 * the connection closes before writing. Whoever learns the ID from the relay comes too late.
 *
 * IDs written before owners were recorded have none; the first writer after the upgrade claims them.
 * Most are dead (every page load starts a new ID), and the writer who claims a live one is almost always
 * its own client continuing. (A backfill from the history log was not used: it records only the first
 * client an update advanced, so it would miss relayed IDs and could give them to the wrong person.)
 */
import type { ClientIdClaim } from '../storage/board-storage.ts'

/** Who sends an update, as ownership sees it. */
export type ClientIdWriter =
  | { kind: 'person'; subject: string }
  | { kind: 'server' }
  | { kind: 'connection'; connection: object; socketId: string }

export type OwnershipCheck =
  | {
      ok: true /** IDs with no owner yet that the update adds structs under: its writer claims them */
      claims: number[]
    }
  | { ok: false; clientId: number; owner: ClientIdWriter }

export interface BoardClientIdsOptions {
  /** the board's stored claims (none in local mode) */
  stored: readonly ClientIdClaim[]
  /** local mode: owners are connections, and only structs that add to the board count */
  localMode: boolean
  /** whether a connection is still open on the board (local mode) */
  isOpen(connection: object): boolean
}

export class BoardClientIds {
  readonly #owners = new Map<number, ClientIdWriter>()
  /** local mode: the IDs each open connection owns, so its disconnect frees them */
  readonly #byConnection = new Map<string, Set<number>>()
  /** IDs owned only by announcement (nothing stored yet), by the socket that announced them */
  readonly #announced = new Map<string, Set<number>>()
  readonly #unstored = new Set<number>()
  readonly #options: BoardClientIdsOptions

  constructor(options: BoardClientIdsOptions) {
    this.#options = options
    for (const claim of options.stored) this.#owners.set(claim.clientId, ownerOf(claim))
  }

  /**
   * O(clients in the update): `structsUpTo` maps each client ID the update has structs under to the
   * clock just past its last one (Y.parseUpdateMeta's `to`); `stateOf` gives the board's clock for a client.
   */
  check(
    structsUpTo: ReadonlyMap<number, number>,
    writer: ClientIdWriter,
    stateOf: (clientId: number) => number,
  ): OwnershipCheck {
    const claims: number[] = []
    for (const [clientId, upTo] of structsUpTo) {
      const adds = upTo > stateOf(clientId)
      const owner = this.ownerOf(clientId)
      if (owner === undefined) {
        if (adds) claims.push(clientId)
      } else if (this.#unstored.has(clientId) && sameWriter(owner, writer)) {
        if (adds) claims.push(clientId)
      } else if (!sameWriter(owner, writer) && (adds || !this.#options.localMode)) {
        return { ok: false, clientId, owner }
      }
    }
    return { ok: true, claims }
  }

  ownerOf(clientId: number): ClientIdWriter | undefined {
    const owner = this.#owners.get(clientId)
    if (owner?.kind === 'connection' && !this.#options.isOpen(owner.connection)) {
      // Closed but its disconnect not yet handled: the ID is free again all the same.
      this.releaseConnection(owner.socketId)
      return undefined
    }
    return owner
  }

  /**
   * `writer`, on socket `socketId`, shows a presence under `clientId`: it owns the ID if nobody does and
   * the board has nothing under it (`written`), until it writes or `socketId` closes.
   */
  announce(clientId: number, writer: ClientIdWriter, socketId: string, written: boolean): void {
    if (written || this.ownerOf(clientId) !== undefined) return
    this.#owners.set(clientId, writer)
    this.#unstored.add(clientId)
    let announced = this.#announced.get(socketId)
    if (announced === undefined) {
      announced = new Set()
      this.#announced.set(socketId, announced)
    }
    announced.add(clientId)
  }

  /**
   * Claims another instance stored after this board was loaded here (several instances on one database):
   * an ID this cache does not know may be someone's already. Known owners are kept.
   */
  learnStored(claims: readonly ClientIdClaim[]): void {
    for (const claim of claims) {
      const known = this.#owners.get(claim.clientId)
      if (known === undefined || (this.#unstored.has(claim.clientId) && !sameWriter(known, ownerOf(claim)))) {
        this.#owners.set(claim.clientId, ownerOf(claim))
        this.#unstored.delete(claim.clientId)
      }
    }
  }

  /** Records claims once they are stored (or, in local mode, once the update is accepted). */
  commit(clientIds: readonly number[], writer: ClientIdWriter): void {
    for (const clientId of clientIds) {
      this.#owners.set(clientId, writer)
      this.#unstored.delete(clientId)
    }
    if (writer.kind !== 'connection') return
    let owned = this.#byConnection.get(writer.socketId)
    if (owned === undefined) {
      owned = new Set()
      this.#byConnection.set(writer.socketId, owned)
    }
    for (const clientId of clientIds) owned.add(clientId)
  }

  /** The connection closed: its unwritten announcements lapse; in local mode its IDs are free. */
  releaseConnection(socketId: string): void {
    const announced = this.#announced.get(socketId)
    if (announced !== undefined) {
      this.#announced.delete(socketId)
      for (const clientId of announced) {
        if (!this.#unstored.delete(clientId)) continue
        this.#owners.delete(clientId)
      }
    }
    const owned = this.#byConnection.get(socketId)
    if (owned === undefined) return
    this.#byConnection.delete(socketId)
    for (const clientId of owned) {
      const owner = this.#owners.get(clientId)
      if (owner?.kind === 'connection' && owner.socketId === socketId) this.#owners.delete(clientId)
    }
  }
}

/** The stored form of a claim; null for connections, which are never stored. */
export function storedOwner(writer: ClientIdWriter): string | null | undefined {
  if (writer.kind === 'person') return writer.subject
  if (writer.kind === 'server') return null
  return undefined
}

function ownerOf(claim: ClientIdClaim): ClientIdWriter {
  return claim.owner === null ? { kind: 'server' } : { kind: 'person', subject: claim.owner }
}

function sameWriter(a: ClientIdWriter, b: ClientIdWriter): boolean {
  switch (a.kind) {
    case 'person':
      return b.kind === 'person' && a.subject === b.subject
    case 'server':
      return b.kind === 'server'
    case 'connection':
      return b.kind === 'connection' && a.socketId === b.socketId
    default: {
      const unexpected: never = a
      throw new Error(`unknown client ID owner ${String(unexpected)}`)
    }
  }
}
