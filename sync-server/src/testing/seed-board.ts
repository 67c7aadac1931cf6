/**
 * A new board on a running server with these records and roles: created over the API and written
 * through a real provider, as another client would write it. For e2e specs and benchmarks that open a
 * board someone else made.
 */
import { type Role, writeRecords, writeRole } from '@flowmap/shared'
import { connectBoard } from './board-client.ts'
import { collabUrlOf } from './collab-url.ts'

type BoardRecords = Parameters<typeof writeRecords>[1]

export interface SeededBoard {
  title: string
  records: BoardRecords
  roles?: readonly Role[]
  /** Records per write: one update of a large board is more than the server takes in one message. */
  batchSize?: number
  /** How long each write may take to be acknowledged. @default 10_000 */
  timeoutMs?: number
}

/** Answers the new board's id once the server has stored every record; throws when it refuses one. */
export async function seedBoard(serverUrl: string, board: SeededBoard): Promise<string> {
  const created = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: board.title }),
  })
  if (!created.ok) throw new Error(`creating a board answered ${created.status}`)
  const { id } = (await created.json()) as { id: string }
  const writer = connectBoard(collabUrlOf(serverUrl), id)
  try {
    await writer.synced
    for (const role of board.roles ?? []) writeRole(writer.doc, role)
    const records = [...board.records]
    const batchSize = board.batchSize ?? records.length
    // One batch in flight at a time, as a client sends its edits.
    for (let i = 0; i < records.length; i += batchSize) {
      writeRecords(writer.doc, records.slice(i, i + batchSize))
      await storedOrRefused(writer, board.timeoutMs ?? 10_000)
    }
    await storedOrRefused(writer, board.timeoutMs ?? 10_000)
  } finally {
    writer.destroy()
  }
  return id
}

async function storedOrRefused(writer: ReturnType<typeof connectBoard>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (writer.provider.hasUnsyncedChanges) {
    const refused = writer.rejections[0]
    if (refused !== undefined) throw new Error(`the server refused the seed: ${JSON.stringify(refused)}`)
    if (Date.now() > deadline)
      throw new Error(`the server did not acknowledge the seed within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
