/**
 * Storage failures become sentences a person can act on. The board keeps working in memory when the
 * device cannot store it, so the message says what is at risk and what to do, never just "error".
 */

type NamedError = { name?: unknown; message?: unknown; inner?: unknown }

function errorName(error: unknown): string {
  const named = error as NamedError | null
  return typeof named?.name === 'string' ? named.name : ''
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  const named = error as NamedError | null
  return typeof named?.message === 'string' ? named.message : String(error)
}

/** Dexie wraps the browser's DOMException in `inner`; the most specific name wins. */
function causeNames(error: unknown): string[] {
  const names: string[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    names.push(errorName(current))
    current = (current as NamedError).inner
  }
  return names
}

export function describeStorageError(error: unknown): string {
  const names = causeNames(error)
  const detail = errorMessage(error)
  if (names.includes('QuotaExceededError')) {
    return (
      'This device is out of storage space for Flowmap: changes made from now on are kept only while this ' +
      'tab stays open (and sent to the server when online). Free some disk space or remove old boards, then reload.'
    )
  }
  if (names.includes('MissingAPIError')) {
    return (
      'This browser gives Flowmap no local storage (IndexedDB is unavailable, as in some private windows): ' +
      'the board works while this tab stays open, but nothing is kept on this device for offline use.'
    )
  }
  if (names.includes('VersionError')) {
    return "Another tab runs a newer version of Flowmap and upgraded this device's storage: reload this tab."
  }
  if (names.includes('DatabaseClosedError')) {
    return `Local storage was closed (${detail}); changes are kept only while this tab stays open. Reload to reopen it.`
  }
  if (
    names.includes('OpenFailedError') ||
    names.includes('InvalidStateError') ||
    names.includes('SecurityError')
  ) {
    return (
      `Flowmap could not open its storage on this device (${detail}): private browsing or blocked site data ` +
      'can cause this. The board works while this tab stays open, but nothing is kept offline.'
    )
  }
  return `Saving the board on this device failed (${detail}); changes are kept only while this tab stays open.`
}

/** The message shown when another tab holds an older version of the database open. */
export const STORAGE_BLOCKED_MESSAGE =
  'Another Flowmap tab with an older version is keeping local storage busy: close the other Flowmap tabs, then reload.'
