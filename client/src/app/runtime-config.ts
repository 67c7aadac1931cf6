/**
 * Settings the server hands the client at run time (GET /config.json), so that one build serves
 * every deployment: the tldraw licence key is never baked into the bundle.
 */
export type RuntimeConfig = { readonly tldrawLicenseKey: string | null; readonly authRequired: boolean }

export type RuntimeConfigResult = { readonly config: RuntimeConfig; readonly problem: string | null }

/** What the client assumes when /config.json cannot be read (offline, or a static preview server). */
export const FALLBACK_RUNTIME_CONFIG: RuntimeConfig = { tldrawLicenseKey: null, authRequired: false }

export function parseRuntimeConfig(body: unknown): RuntimeConfigResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { config: FALLBACK_RUNTIME_CONFIG, problem: '/config.json is not a JSON object' }
  }
  const { tldrawLicenseKey, authRequired } = body as Record<string, unknown>
  if (tldrawLicenseKey !== undefined && tldrawLicenseKey !== null && typeof tldrawLicenseKey !== 'string') {
    return {
      config: FALLBACK_RUNTIME_CONFIG,
      problem: `/config.json: tldrawLicenseKey must be a string or null, got ${typeof tldrawLicenseKey}`,
    }
  }
  if (authRequired !== undefined && typeof authRequired !== 'boolean') {
    return {
      config: FALLBACK_RUNTIME_CONFIG,
      problem: `/config.json: authRequired must be true or false, got ${typeof authRequired}`,
    }
  }
  return {
    config: { tldrawLicenseKey: tldrawLicenseKey || null, authRequired: authRequired ?? false },
    problem: null,
  }
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
