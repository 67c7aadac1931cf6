import { DEFAULT_BOARD_TITLE, readCreatedBoardBody } from '@flowmap/shared'
import { presentedToken } from '../presence/identity-token.ts'

/**
 * Creating a board from `/`. The server names the board when it answers; with no server (offline,
 * or the static preview) the board gets a local id and the sync layer creates it on the server
 * when the socket first connects, which is what local-first means here.
 */
export type CreatedBoard = {
  readonly boardId: string
  readonly source: 'server' | 'local'
  readonly note: string | null
}

const LOCAL_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** 16 base-36 characters from the platform CSPRNG: ~82 bits, enough that offline devices never collide. */
export function generateLocalBoardId(
  random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b),
): string {
  const bytes = new Uint8Array(16)
  random(bytes)
  let id = ''
  for (const byte of bytes) id += LOCAL_ID_ALPHABET[byte % LOCAL_ID_ALPHABET.length]
  return id
}

export async function createBoard(options: {
  title?: string
  token?: string | null
  fetch?: typeof fetch
  timeoutMs?: number
}): Promise<CreatedBoard> {
  const doFetch = options.fetch ?? fetch
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  // In local mode the board's first history entry (its title) is credited to this device's person.
  const token = presentedToken(options.token ?? null)
  if (token) headers.authorization = `Bearer ${token}`
  try {
    const response = await doFetch('/api/boards', {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: options.title ?? DEFAULT_BOARD_TITLE }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
    if (!response.ok) {
      return local(`the server answered ${response.status} ${response.statusText} to POST /api/boards`)
    }
    const read = readCreatedBoardBody(await response.json())
    if (!read.ok) return local(read.reason)
    return { boardId: read.body.id, source: 'server', note: null }
  } catch (error) {
    return local(
      `the server could not be reached (${error instanceof Error ? error.message : String(error)})`,
    )
  }
}

function local(reason: string): CreatedBoard {
  return { boardId: generateLocalBoardId(), source: 'local', note: `Created on this device: ${reason}.` }
}
