/**
 * Settings the server hands the client at run time (GET /config.json), so that one build serves
 * every deployment: the tldraw licence key is never baked into the bundle. The body and its reader are
 * @flowmap/shared's (protocol/http-config-body.ts), which the server's handler answers with.
 */
import { type RuntimeConfigBody, readRuntimeConfigBody } from '@flowmap/shared'

export type RuntimeConfigResult = { readonly config: RuntimeConfigBody; readonly problem: string | null }

/** What the client assumes when /config.json cannot be read (offline, or a static preview server). */
export const FALLBACK_RUNTIME_CONFIG: RuntimeConfigBody = {
  tldrawLicenseKey: null,
  authRequired: false,
  deletedBoardRetentionDays: null,
}

export function parseRuntimeConfig(body: unknown): RuntimeConfigResult {
  const read = readRuntimeConfigBody(body)
  return read.ok
    ? { config: read.body, problem: null }
    : { config: FALLBACK_RUNTIME_CONFIG, problem: `/config.json: ${read.reason}` }
}

export async function loadRuntimeConfig(
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<RuntimeConfigResult> {
  const doFetch = options.fetch ?? fetch
  try {
    const response = await doFetch('/config.json', {
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 4000),
    })
    if (!response.ok) {
      return { config: FALLBACK_RUNTIME_CONFIG, problem: `/config.json answered ${response.status}` }
    }
    return parseRuntimeConfig(await response.json())
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { config: FALLBACK_RUNTIME_CONFIG, problem: `/config.json could not be read (${reason})` }
  }
}
