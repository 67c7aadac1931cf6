import { MessageType } from '@hocuspocus/server'
import * as encoding from 'lib0/encoding'
import { expect, test } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { readIncomingMessage } from './incoming-update.ts'

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, 'board-1')
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

test('an update and a SyncStep2 carry content; a SyncStep1 is a sync request; awareness is neither', () => {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', 1)
  const update = Y.encodeStateAsUpdate(doc)

  const asUpdate = readIncomingMessage(message(MessageType.Sync, (e) => syncProtocol.writeUpdate(e, update)))
  expect(asUpdate).toEqual({ kind: 'update', update })
  const step2 = readIncomingMessage(message(MessageType.Sync, (e) => syncProtocol.writeSyncStep2(e, doc)))
  expect(step2.kind).toBe('update')

  const step1 = readIncomingMessage(message(MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, doc)))
  expect(step1).toEqual({ kind: 'no-content', syncRequest: true })
  const awareness = readIncomingMessage(
    message(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, new Uint8Array([0]))),
  )
  expect(awareness).toEqual({ kind: 'no-content', syncRequest: false })
})

test('a message cut short is malformed, with the reason', () => {
  const cut = message(MessageType.Sync, (e) => encoding.writeVarUint(e, 2)).subarray(0, 9)
  expect(readIncomingMessage(cut)).toMatchObject({
    kind: 'malformed',
    reason: expect.stringMatching(/^not a Yjs sync message/),
  })
})
