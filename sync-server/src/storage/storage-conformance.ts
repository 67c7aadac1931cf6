/**
 * What every asynchronous board storage must do, as vitest tests registered against a factory: the
 * SQLite adapter (sqlite-conformance.test.ts) and Postgres (postgres-conformance.test.ts) run the same
 * ones, so the two databases cannot drift apart. Each test gets a fresh, empty storage.
 */
import type { SavedTemplateJson } from '@flowmap/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AsyncBoardStorage } from './async-board-storage.ts'
import type { NewHistoryEntry, StoredAsset, StoredTemplate } from './board-storage.ts'

/** Makes a fresh, empty storage; `dispose` closes it and removes whatever it made. */
export type StorageFactory = () => Promise<{ storage: AsyncBoardStorage; dispose: () => Promise<void> }>

export function entry(boardId: string, overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry {
  return {
    boardId,
    time: 1000,
    userId: 'ada',
    userName: 'Ada',
    clientId: 7,
    update: Uint8Array.of(1, 2, 3),
    ...overrides,
  }
}

function asset(hash: string, overrides: Partial<StoredAsset> = {}): StoredAsset {
  return { hash, mimeType: 'image/png', size: 10, createdAt: 100, name: 'a.png', ...overrides }
}

function template(id: string, createdAt: number): StoredTemplate {
  return {
    id,
    name: `Template ${id}`,
    description: 'for tests',
    boardId: 'source',
    createdAt,
    createdBy: 'Ada',
    roles: [{ id: 'role:1', name: 'Ops', color: 'blue' }] as unknown as StoredTemplate['roles'],
    records: [] as SavedTemplateJson['records'],
  }
}

const HASH_A = 'a'.repeat(64)
const HASH_B = 'b'.repeat(64)

export function describeStorageConformance(name: string, factory: StorageFactory): void {
  describe(`${name}: BoardStorage conformance`, () => {
    let storage: AsyncBoardStorage
    let dispose: () => Promise<void> = async () => {}
    beforeEach(async () => {
      ;({ storage, dispose } = await factory())
    })
    afterEach(async () => {
      await dispose()
    })

    describe('boards', () => {
      it('creates a board once, ensures one first seen over the socket, and lists live boards newest first', async () => {
        expect(await storage.createBoard({ id: 'b1', title: 'One', now: 10 })).toEqual({
          ok: true,
          board: { id: 'b1', title: 'One', createdAt: 10, updatedAt: 10, deletedAt: null },
        })
        expect(await storage.createBoard({ id: 'b1', title: 'Again', now: 11 })).toEqual({
          ok: false,
          reason: 'exists',
        })
        expect(await storage.ensureBoard('b2', 20)).toEqual({
          id: 'b2',
          title: '',
          createdAt: 20,
          updatedAt: 20,
          deletedAt: null,
        })
        expect((await storage.ensureBoard('b1', 30)).title).toBe('One')
        expect(await storage.getBoard('nope')).toBeUndefined()
        expect((await storage.listBoards()).map((board) => board.id)).toEqual(['b2', 'b1'])
      })

      it('keeps the title in step and only moves updatedAt forward', async () => {
        await storage.createBoard({ id: 'b1', title: 'One', now: 100 })
        await storage.setTitle('b1', 'Renamed', 50)
        expect(await storage.getBoard('b1')).toMatchObject({ title: 'Renamed', updatedAt: 100 })
        await storage.setTitle('b1', 'Later', 200)
        expect(await storage.getBoard('b1')).toMatchObject({ title: 'Later', updatedAt: 200 })
      })

      it('deletes, restores and purges a board with every row it had', async () => {
        await storage.createBoard({ id: 'gone', title: 'Gone', now: 1 })
        await storage.createBoard({ id: 'kept', title: 'Kept', now: 2 })
        await storage.appendUpdate(entry('gone'))
        await storage.writeCheckpoint('gone', { seq: 1, time: 5, state: Uint8Array.of(9) })
        await storage.addNamedVersion({
          boardId: 'gone',
          seq: 1,
          name: 'v',
          time: 5,
          userId: 'u',
          userName: 'U',
        })
        await storage.linkAsset('gone', asset(HASH_A), 5)
        await storage.castVote(
          { boardId: 'gone', voteId: 'v1', userId: 'u', shapeId: 's', castAt: 5 },
          { votesPerPerson: 1, onePerShape: false },
        )
        await storage.revokeToken('gone', 'jti', 5)
        await storage.setMemberChange('gone', 'u', 'viewer', 5)
        await storage.claimClientIds('gone', [{ clientId: 1, owner: 'u', firstSeen: 5 }])

        expect(await storage.markBoardDeleted('gone', 100)).toBe(true)
        expect(await storage.markBoardDeleted('gone', 101)).toBe(false)
        expect(await storage.markBoardDeleted('absent', 101)).toBe(false)
        expect((await storage.listBoards()).map((board) => board.id)).toEqual(['kept'])
        expect(await storage.listDeletedBoards()).toEqual([
          { id: 'gone', title: 'Gone', createdAt: 1, updatedAt: 1, deletedAt: 100 },
        ])
        expect(await storage.restoreBoard('gone')).toBe(true)
        expect(await storage.restoreBoard('gone')).toBe(false)
        expect(await storage.restoreBoard('kept')).toBe(false)
        expect(await storage.markBoardDeleted('gone', 200)).toBe(true)

        expect(await storage.purgeBoardsDeletedBefore(199)).toEqual([])
        expect(await storage.purgeBoardsDeletedBefore(200)).toEqual(['gone'])
        expect(await storage.getBoard('gone')).toBeUndefined()
        expect(await storage.listDeletedBoards()).toEqual([])
        expect(await storage.readHistory('gone', { afterSeq: 0, limit: 10 })).toEqual([])
        expect(await storage.lastSeq('gone')).toBe(0)
        expect(await storage.listCheckpoints('gone')).toEqual([])
        expect(await storage.listNamedVersions('gone')).toEqual([])
        expect(await storage.linkedAsset('gone', HASH_A)).toBeUndefined()
        expect(await storage.readVotes('gone', 'v1')).toEqual([])
        expect(await storage.isTokenRevoked('gone', 'jti')).toBe(false)
        expect(await storage.memberChange('gone', 'u')).toBeUndefined()
        expect(await storage.readClientIds('gone')).toEqual([])
        // A board made again under the purged id starts its history at seq 1.
        await storage.createBoard({ id: 'gone', title: 'New', now: 300 })
        expect(await storage.appendUpdate(entry('gone'))).toBe(1)
      })
    })

    describe('history', () => {
      it('appends with seqs 1, 2, 3 per board and reads pages back byte for byte', async () => {
        expect(await storage.appendUpdate(entry('b1', { update: Uint8Array.of(1), time: 10 }))).toBe(1)
        expect(
          await storage.appendUpdate(
            entry('b1', { update: Uint8Array.of(2), userId: null, userName: null, clientId: null }),
          ),
        ).toBe(2)
        expect(await storage.appendUpdate(entry('b2'))).toBe(1)
        expect(
          await storage.appendUpdate(
            entry('b1', { update: new Uint8Array(70_000).fill(5), clientId: 4_294_967_295 }),
          ),
        ).toBe(3)
        expect(await storage.lastSeq('b1')).toBe(3)
        expect(await storage.lastSeq('b2')).toBe(1)
        expect(await storage.lastSeq('none')).toBe(0)
        const page = await storage.readHistory('b1', { afterSeq: 0, limit: 2 })
        expect(page).toEqual([
          {
            boardId: 'b1',
            seq: 1,
            time: 10,
            userId: 'ada',
            userName: 'Ada',
            clientId: 7,
            update: Uint8Array.of(1),
          },
          {
            boardId: 'b1',
            seq: 2,
            time: 1000,
            userId: null,
            userName: null,
            clientId: null,
            update: Uint8Array.of(2),
          },
        ])
        const rest = await storage.readHistory('b1', { afterSeq: 2, limit: 10 })
        expect(rest).toHaveLength(1)
        expect(rest[0]!.clientId).toBe(4_294_967_295)
        expect(rest[0]!.update).toEqual(new Uint8Array(70_000).fill(5))
      })

      it('counts distinct people, not server-made changes', async () => {
        await storage.appendUpdate(entry('b1', { userId: 'ada' }))
        await storage.appendUpdate(entry('b1', { userId: 'ada' }))
        await storage.appendUpdate(entry('b1', { userId: 'bob' }))
        await storage.appendUpdate(entry('b1', { userId: null, userName: null }))
        expect(await storage.contributorCount('b1')).toBe(2)
        expect(await storage.contributorCount('none')).toBe(0)
      })

      it('hands out distinct gap-free seqs to appends started together', async () => {
        const seqs = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            storage.appendUpdate(entry('b1', { update: Uint8Array.of(i) })),
          ),
        )
        expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
        const stored = await storage.readHistory('b1', { afterSeq: 0, limit: 100 })
        for (const row of stored) expect(row.update).toEqual(Uint8Array.of(seqs.indexOf(row.seq)))
      })
    })

    describe('checkpoints and snapshots', () => {
      it('finds the checkpoint at or before a seq or a time, the latest, and lists them', async () => {
        await storage.writeCheckpoint('b1', { seq: 10, time: 100, state: Uint8Array.of(10) })
        await storage.writeCheckpoint('b1', { seq: 20, time: 200, state: Uint8Array.of(20) })
        await storage.writeCheckpoint('b1', { seq: 20, time: 210, state: Uint8Array.of(21) })
        expect(await storage.latestCheckpoint('b1')).toEqual({ seq: 20, state: Uint8Array.of(21) })
        expect(await storage.latestCheckpoint('none')).toBeUndefined()
        expect(await storage.checkpointAtOrBefore('b1', 19)).toEqual({
          seq: 10,
          time: 100,
          state: Uint8Array.of(10),
        })
        expect(await storage.checkpointAtOrBefore('b1', 20)).toEqual({
          seq: 20,
          time: 210,
          state: Uint8Array.of(21),
        })
        expect(await storage.checkpointAtOrBefore('b1', 9)).toBeUndefined()
        expect(await storage.checkpointAtOrBeforeTime('b1', 150)).toEqual({
          seq: 10,
          time: 100,
          state: Uint8Array.of(10),
        })
        expect(await storage.checkpointAtOrBeforeTime('b1', 99)).toBeUndefined()
        expect(await storage.listCheckpoints('b1')).toEqual([
          { seq: 10, time: 100 },
          { seq: 20, time: 210 },
        ])
      })

      it('writes a snapshot with its title, and never moves it backwards', async () => {
        await storage.createBoard({ id: 'b1', title: 'One', now: 1 })
        expect(await storage.readSnapshot('b1')).toBeUndefined()
        await storage.writeSnapshot('b1', { seq: 5, state: Uint8Array.of(5), title: 'Five', time: 50 })
        await storage.writeSnapshot('b1', { seq: 3, state: Uint8Array.of(3), title: 'Three', time: 60 })
        expect(await storage.readSnapshot('b1')).toEqual({ seq: 5, state: Uint8Array.of(5) })
        expect(await storage.getBoard('b1')).toMatchObject({ title: 'Five', updatedAt: 50 })
      })
    })

    it('keeps named versions oldest first, by seq then time', async () => {
      const base = { boardId: 'b1', userId: 'u', userName: 'U' }
      await storage.addNamedVersion({ ...base, seq: 9, name: 'late', time: 1 })
      await storage.addNamedVersion({ ...base, seq: 2, name: 'second', time: 5 })
      await storage.addNamedVersion({ ...base, seq: 2, name: 'first', time: 4 })
      expect((await storage.listNamedVersions('b1')).map((version) => version.name)).toEqual([
        'first',
        'second',
        'late',
      ])
      expect((await storage.listNamedVersions('b1'))[0]).toEqual({ ...base, seq: 2, name: 'first', time: 4 })
      expect(await storage.listNamedVersions('other')).toEqual([])
    })

    describe('assets', () => {
      it('records bytes once, links them per board, and refreshes a link on a second upload', async () => {
        await storage.createBoard({ id: 'b1', title: '', now: 1 })
        await storage.createBoard({ id: 'b2', title: '', now: 1 })
        await storage.linkAsset('b1', asset(HASH_A, { name: 'one.png' }), 100)
        await storage.linkAsset('b2', asset(HASH_A, { name: 'two.png', createdAt: 999 }), 150)
        expect(await storage.linkedAsset('b1', HASH_A)).toEqual(asset(HASH_A, { name: 'one.png' }))
        expect(await storage.linkedAsset('b2', HASH_A)).toEqual(asset(HASH_A, { name: 'two.png' }))
        expect(await storage.linkedAsset('b1', HASH_B)).toBeUndefined()
        expect(await storage.assetLinkCount(HASH_A)).toBe(2)
        await storage.linkAsset('b1', asset(HASH_A), 300)
        await storage.linkAsset('b1', asset(HASH_A), 200)
        expect(await storage.assetLinks('b1')).toEqual([{ hash: HASH_A, size: 10, linkedAt: 300 }])
        expect(await storage.isAssetRecorded(HASH_A)).toBe(true)
        expect(await storage.isAssetRecorded(HASH_B)).toBe(false)
      })

      it("answers the collector's queries: boards with assets, unlinking within the window, forgetting unlinked bytes", async () => {
        await storage.createBoard({ id: 'b1', title: '', now: 1 })
        await storage.createBoard({ id: 'b2', title: '', now: 1 })
        await storage.createBoard({ id: 'deleted', title: '', now: 1 })
        await storage.linkAsset('b2', asset(HASH_A, { size: 3 }), 100)
        await storage.linkAsset('b1', asset(HASH_B, { size: 4 }), 200)
        await storage.linkAsset('b1', asset(HASH_A, { size: 3 }), 50)
        await storage.linkAsset('deleted', asset(HASH_B), 10)
        await storage.markBoardDeleted('deleted', 20)
        expect(await storage.boardsWithAssets()).toEqual(['b1', 'b2'])
        expect(await storage.assetLinks('b1')).toEqual([
          { hash: HASH_A, size: 3, linkedAt: 50 },
          { hash: HASH_B, size: 4, linkedAt: 200 },
        ])
        expect(await storage.unlinkAsset('b1', HASH_B, 199)).toBe(false)
        expect(await storage.unlinkAsset('b1', HASH_B, 200)).toBe(true)
        expect(await storage.unlinkAsset('b1', HASH_B, 200)).toBe(false)
        expect(await storage.unlinkedAssets()).toEqual([])
        expect(await storage.forgetUnlinkedAsset(HASH_B)).toBe(false)
        await storage.purgeBoardsDeletedBefore(20)
        expect(await storage.unlinkedAssets()).toEqual([{ hash: HASH_B, size: 4 }])
        expect(await storage.forgetUnlinkedAsset(HASH_B)).toBe(true)
        expect(await storage.isAssetRecorded(HASH_B)).toBe(false)
        expect(await storage.forgetUnlinkedAsset(HASH_A)).toBe(false)
      })
    })

    it('keeps templates newest first, saved-order breaking ties, content intact', async () => {
      await storage.addTemplate(template('t1', 10))
      await storage.addTemplate(template('t2', 20))
      await storage.addTemplate(template('t3', 20))
      const listed = await storage.listTemplates()
      expect(listed.map((each) => each.id)).toEqual(['t3', 't2', 't1'])
      expect(listed[2]).toEqual(template('t1', 10))
      await expect(storage.addTemplate(template('t1', 30))).rejects.toMatchObject({
        name: 'StorageWriteError',
      })
    })

    it('claims client ids for their first writer only', async () => {
      await storage.claimClientIds('b1', [
        { clientId: 1, owner: 'ada', firstSeen: 10 },
        { clientId: 2, owner: null, firstSeen: 10 },
      ])
      await storage.claimClientIds('b1', [
        { clientId: 1, owner: 'eve', firstSeen: 20 },
        { clientId: 3_000_000_000, owner: 'bob', firstSeen: 20 },
      ])
      await storage.claimClientIds('b1', [])
      const claims = (await storage.readClientIds('b1')).sort((a, b) => a.clientId - b.clientId)
      expect(claims).toEqual([
        { clientId: 1, owner: 'ada', firstSeen: 10 },
        { clientId: 2, owner: null, firstSeen: 10 },
        { clientId: 3_000_000_000, owner: 'bob', firstSeen: 20 },
      ])
      expect(await storage.readClientIds('b2')).toEqual([])
    })

    it("keeps a person's last member change and the revoked tokens", async () => {
      expect(await storage.memberChange('b1', 'ada')).toBeUndefined()
      await storage.setMemberChange('b1', 'ada', 'viewer', 1)
      await storage.setMemberChange('b1', 'ada', 'removed', 2)
      expect(await storage.memberChange('b1', 'ada')).toBe('removed')
      expect(await storage.memberChange('b2', 'ada')).toBeUndefined()
      await storage.revokeToken('b1', 'jti-1', 3)
      await storage.revokeToken('b1', 'jti-1', 4)
      expect(await storage.isTokenRevoked('b1', 'jti-1')).toBe(true)
      expect(await storage.isTokenRevoked('b1', 'jti-2')).toBe(false)
      expect(await storage.isTokenRevoked('b2', 'jti-1')).toBe(false)
    })

    it('casts votes in order and withdraws the latest of a person on a shape', async () => {
      const vote = { boardId: 'b1', voteId: 'v1', userId: 'ada', shapeId: 's1' }
      const roomy = { votesPerPerson: 5, onePerShape: false }
      expect(await storage.castVote({ ...vote, castAt: 1 }, roomy)).toBe(true)
      expect(await storage.castVote({ ...vote, castAt: 2 }, roomy)).toBe(true)
      expect(await storage.castVote({ ...vote, userId: 'bob', castAt: 3 }, roomy)).toBe(true)
      expect(await storage.castVote({ ...vote, voteId: 'v2', castAt: 4 }, roomy)).toBe(true)
      expect(await storage.withdrawVote(vote)).toBe(true)
      expect(await storage.withdrawVote({ ...vote, shapeId: 's2' })).toBe(false)
      expect(await storage.readVotes('b1', 'v1')).toEqual([
        { ...vote, castAt: 1 },
        { ...vote, userId: 'bob', castAt: 3 },
      ])
      expect(await storage.readVotes('b1', 'v2')).toEqual([{ ...vote, voteId: 'v2', castAt: 4 }])
    })

    it("stores a cast only while the person's ballot has room: the budget, and one vote per shape", async () => {
      const vote = { boardId: 'b1', voteId: 'v1', userId: 'ada', castAt: 1 }
      const two = { votesPerPerson: 2, onePerShape: false }
      expect(await storage.castVote({ ...vote, shapeId: 's1' }, two)).toBe(true)
      expect(await storage.castVote({ ...vote, shapeId: 's1' }, two)).toBe(true)
      // Full: nothing stored, for this person and vote only.
      expect(await storage.castVote({ ...vote, shapeId: 's2' }, two)).toBe(false)
      expect(await storage.castVote({ ...vote, userId: 'bob', shapeId: 's2' }, two)).toBe(true)
      expect(await storage.castVote({ ...vote, voteId: 'v2', shapeId: 's2' }, two)).toBe(true)
      const onePerShape = { votesPerPerson: 3, onePerShape: true }
      expect(await storage.castVote({ ...vote, voteId: 'v3', shapeId: 's1' }, onePerShape)).toBe(true)
      expect(await storage.castVote({ ...vote, voteId: 'v3', shapeId: 's1' }, onePerShape)).toBe(false)
      expect(await storage.castVote({ ...vote, voteId: 'v3', shapeId: 's2' }, onePerShape)).toBe(true)
      expect((await storage.readVotes('b1', 'v1')).map((ballot) => [ballot.userId, ballot.shapeId])).toEqual([
        ['ada', 's1'],
        ['ada', 's1'],
        ['bob', 's2'],
      ])
      expect((await storage.readVotes('b1', 'v3')).map((ballot) => ballot.shapeId)).toEqual(['s1', 's2'])
    })

    describe('transactions', () => {
      it('commits every write of the work together and answers its result', async () => {
        const seq = await storage.transaction(async (tx) => {
          await tx.createBoard({ id: 'b1', title: 'One', now: 1 })
          await tx.claimClientIds('b1', [{ clientId: 5, owner: 'ada', firstSeen: 1 }])
          const appended = await tx.appendUpdate(entry('b1'))
          // Reads inside see the transaction's own writes.
          expect(await tx.lastSeq('b1')).toBe(appended)
          return tx.transaction(async (inner) => inner.appendUpdate(entry('b1')))
        })
        expect(seq).toBe(2)
        expect(await storage.lastSeq('b1')).toBe(2)
        expect(await storage.readClientIds('b1')).toHaveLength(1)
      })

      it('rolls every write back when the work throws, and rethrows', async () => {
        await storage.createBoard({ id: 'b1', title: 'One', now: 1 })
        await storage.appendUpdate(entry('b1'))
        const failure = new Error('the work failed')
        await expect(
          storage.transaction(async (tx) => {
            await tx.appendUpdate(entry('b1'))
            await tx.setMemberChange('b1', 'ada', 'viewer', 2)
            await tx.linkAsset('b1', asset(HASH_A), 2)
            await tx.markBoardDeleted('b1', 2)
            throw failure
          }),
        ).rejects.toBe(failure)
        expect(await storage.lastSeq('b1')).toBe(1)
        expect(await storage.memberChange('b1', 'ada')).toBeUndefined()
        expect(await storage.isAssetRecorded(HASH_A)).toBe(false)
        expect((await storage.getBoard('b1'))?.deletedAt).toBeNull()
        // The seq the rolled-back append took is handed out again: no gap.
        expect(await storage.appendUpdate(entry('b1'))).toBe(2)
      })

      it('keeps a call made on the storage itself out of an open transaction that then rolls back', async () => {
        let outside: Promise<number> | undefined
        await expect(
          storage.transaction(async (tx) => {
            await tx.appendUpdate(entry('b1', { update: Uint8Array.of(1) }))
            outside = storage.appendUpdate(entry('b1', { update: Uint8Array.of(2) }))
            throw new Error('undo')
          }),
        ).rejects.toThrow('undo')
        expect(await outside).toBe(1)
        expect(await storage.readHistory('b1', { afterSeq: 0, limit: 10 })).toMatchObject([
          { seq: 1, update: Uint8Array.of(2) },
        ])
      })

      it('rolls back when a write inside fails, with a StorageWriteError', async () => {
        await storage.addTemplate(template('t1', 1))
        await expect(
          storage.transaction(async (tx) => {
            await tx.appendUpdate(entry('b1'))
            await tx.addTemplate(template('t1', 2))
          }),
        ).rejects.toMatchObject({ name: 'StorageWriteError', operation: 'template' })
        expect(await storage.lastSeq('b1')).toBe(0)
      })
    })

    it('is available while it answers and writes succeed, and not once closed', async () => {
      expect(await storage.isAvailable()).toBe(true)
      expect(await storage.writeFailure()).toBeNull()
      await storage.close()
      expect(await storage.isAvailable()).toBe(false)
      await expect(storage.appendUpdate(entry('b1'))).rejects.toMatchObject({ name: 'StorageWriteError' })
    })
  })
}
