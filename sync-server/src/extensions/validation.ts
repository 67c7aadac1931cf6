/**
 * Validation: every incoming update is tried on the board's shadow doc and the records and roles it
 * touched are checked against @flowmap/shared's schema before Hocuspocus applies it to the live doc.
 * A refused update is not applied, stored or broadcast; the shadow is rebuilt and the sender is told
 * (boards/refuse-update.ts). Oversized and undecodable messages are refused the same way, and so is an
 * update that depends on content the server does not have (Yjs would keep it pending, unvalidated).
 */
import { canFacilitateBoard, REFUSAL_CODES, type Refusal, readRawBoardField } from '@flowmap/shared'
import type * as Y from 'yjs'
import type { BoardUser, FlowmapContext } from '../auth/roles.ts'
import type { AdmittedUpdate, BoardShadows } from '../boards/board-shadows.ts'
import type { RefuseUpdate } from '../boards/refuse-update.ts'
import type { BoardBefore } from '../boards/validate-touched.ts'
import type { AfterMessageStage, MessageStage } from './message-pipeline.ts'

/** `writer` is who sent the update, with the role the server holds for the connection at this moment. */
export type TouchedValidator = (
  doc: Y.Doc,
  transaction: Y.Transaction,
  before: BoardBefore,
  writer: BoardUser,
) => Refusal | null

export interface ValidationExtensionOptions {
  shadows: BoardShadows
  maxMessageBytes: number
  validate: TouchedValidator
  refuse: RefuseUpdate
}

/**
 * Message stage: tries the update on the shadow and validates what it touched; an admitted update is
 * held for the history stage and until Hocuspocus has applied it (`releaseStage`).
 */
export function validationStage(options: ValidationExtensionOptions): MessageStage {
  const { shadows, refuse } = options
  return ({ connection, context, document, documentName, update: message }, incoming) => {
    if (message.byteLength > options.maxMessageBytes) {
      refuse(connection, documentName, {
        code: REFUSAL_CODES.tooLarge,
        reason: `message of ${message.byteLength} bytes is larger than the ${options.maxMessageBytes}-byte limit`,
        recordId: null,
        limit: options.maxMessageBytes,
      })
    }
    if (incoming.kind === 'no-content') return
    if (incoming.kind === 'malformed') {
      return refuse(connection, documentName, {
        code: REFUSAL_CODES.malformed,
        reason: incoming.reason,
        recordId: null,
      })
    }
    const shadow = shadows.get(document)
    if (shadow === undefined) throw new Error(`board ${documentName} has no shadow doc: was it loaded?`)
    let refusal: Refusal | null
    try {
      // Read before applying: Yjs garbage-collects an overwritten value when its transaction ends.
      const before: Omit<BoardBefore, 'records'> = { schema: readRawBoardField(shadow.doc, 'schema') }
      const writer = (context as FlowmapContext).user
      // Facilitators are held by no lock or toolset: the before-values those rules compare are not read.
      const admitted = shadow.tryUpdate(incoming.update, { captureBefore: !canFacilitateBoard(writer.role) })
      refusal =
        admitted.missing !== null
          ? missingDependencyRefusal(admitted.missing)
          : admitted.changesContent
            ? options.validate(
                shadow.doc,
                admitted.transaction,
                { ...before, records: admitted.recordsBefore },
                writer,
              )
            : null
      if (refusal === null) {
        shadow.hold(connection, admitted)
        return
      }
    } catch (error) {
      refusal = {
        code: REFUSAL_CODES.malformed,
        reason: `not a valid Yjs update: ${(error as Error).message}`,
        recordId: null,
      }
    }
    shadow.rebuild(document)
    refuse(connection, documentName, refusal)
  }
}

/**
 * An update that builds on content the server does not have would wait, unchecked, inside Yjs until
 * that content arrives. An honest client sends what the server lacks in its SyncStep2 before any
 * incremental update (client/src/sync/updates-after-handshake.ts), so this is a bug or a hostile client.
 */
function missingDependencyRefusal(missing: NonNullable<AdmittedUpdate['missing']>): Refusal {
  const [first] = missing.structs
  const what =
    first === undefined
      ? 'it deletes content the server does not have'
      : `it builds on content the server does not have (Yjs client ${first[0]} from clock ${first[1]}${
          missing.structs.size > 1 ? ` and ${missing.structs.size - 1} more client(s)` : ''
        })`
  return {
    code: REFUSAL_CODES.missingDependency,
    reason: `change not applied: ${what}; reconnect so the full state is sent first`,
    recordId: null,
  }
}

/** After Hocuspocus applied (or failed to apply) the message: the held update is no longer in flight. */
export function releaseStage(shadows: BoardShadows): AfterMessageStage {
  return ({ connection, document }) => shadows.get(document)?.release(connection)
}
