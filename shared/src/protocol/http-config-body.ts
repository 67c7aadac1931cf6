/**
 * GET /config.json: the settings the server hands the client at run time, so that one build serves every
 * deployment (the tldraw licence key is never baked into the bundle).
 */
import type { BodyRead } from './http-body-read.ts'

export type RuntimeConfigBody = {
  /** null when the deployment has none (tldraw then shows its watermark). */
  readonly tldrawLicenseKey: string | null
  /** Whether the server checks tokens: without one the client only opens boards on this device. */
  readonly authRequired: boolean
  /**
   * How many days a deleted board stays restorable before the server purges it (its
   * FLOWMAP_DELETED_BOARD_RETENTION_DAYS), so the delete dialog can say the real figure; null from an
   * older server that did not send it.
   */
  readonly deletedBoardRetentionDays: number | null
}

/** A missing field reads as its default (an older server sent fewer); an empty key reads as none. */
export function readRuntimeConfigBody(json: unknown): BodyRead<RuntimeConfigBody> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'not a JSON object' }
  }
  const { tldrawLicenseKey, authRequired, deletedBoardRetentionDays } = json as Record<string, unknown>
  if (tldrawLicenseKey !== undefined && tldrawLicenseKey !== null && typeof tldrawLicenseKey !== 'string') {
    return {
      ok: false,
      reason: `tldrawLicenseKey must be a string or null, got ${typeof tldrawLicenseKey}`,
    }
  }
  if (authRequired !== undefined && typeof authRequired !== 'boolean') {
    return { ok: false, reason: `authRequired must be true or false, got ${typeof authRequired}` }
  }
  const retention = deletedBoardRetentionDays ?? null
  if (retention !== null && (typeof retention !== 'number' || !Number.isFinite(retention) || retention < 0)) {
    return {
      ok: false,
      reason: `deletedBoardRetentionDays must be a number of days (0 or more) or null, got ${JSON.stringify(retention)}`,
    }
  }
  return {
    ok: true,
    body: {
      tldrawLicenseKey: tldrawLicenseKey || null,
      authRequired: authRequired ?? false,
      deletedBoardRetentionDays: retention,
    },
  }
}
