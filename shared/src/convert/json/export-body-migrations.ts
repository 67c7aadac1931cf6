/**
 * The versions of the board export body (`GET /api/boards/:id/export.json`, protocol/http-export-body.ts)
 * and how a body of each older version becomes the next: an import reads any version Flowmap ever wrote
 * by walking the chain up to `BOARD_EXPORT_VERSION`, one step at a time, so each step is written once,
 * against the version it replaces, and never has to know the versions after it.
 *
 * The body has carried `format: 'flowmap-board'` and `version: 1` since the export route was first
 * written: there is no older form, so the table is empty. When the body changes, bump
 * `BOARD_EXPORT_VERSION` and add the entry `{ from: <old version>, up }` that turns an old body into
 * the new form. Entries are append-only; a released one never changes.
 */
import { BOARD_EXPORT_VERSION } from '../../protocol/http-export-body.ts'

/** A parsed export body of some version: plain JSON, not yet checked beyond its version. */
export type ExportBodyJson = Readonly<Record<string, unknown>>

export type ExportBodyMigration = {
  /** The version this step reads; it writes `from + 1`. */
  readonly from: number
  /** What changed, for the import report: "the graph's connector indexes became lists of ids". */
  readonly what: string
  readonly up: (body: ExportBodyJson) => ExportBodyJson
}

/** Every step from an older body version to the next, oldest first. */
export const EXPORT_BODY_MIGRATIONS: readonly ExportBodyMigration[] = []

/** The oldest version an import reads: the version the first step starts from, or the current one. */
export function oldestExportVersion(migrations: readonly ExportBodyMigration[], current: number): number {
  return migrations[0]?.from ?? current
}

export type ExportBodyMigrated =
  | { ok: true; body: ExportBodyJson; from: number; steps: readonly string[] }
  | { ok: false; reason: string }

export type ExportBodyChain = {
  readonly current: number
  readonly migrations: readonly ExportBodyMigration[]
}

const THIS_FLOWMAP: ExportBodyChain = { current: BOARD_EXPORT_VERSION, migrations: EXPORT_BODY_MIGRATIONS }

/**
 * Brings a body of `version` up to the chain's current version; refuses a newer version (naming both)
 * and one older than any this Flowmap ever wrote. `chain` is this Flowmap's unless a test passes its own.
 */
export function migrateExportBody(
  body: ExportBodyJson,
  version: number,
  chain: ExportBodyChain = THIS_FLOWMAP,
): ExportBodyMigrated {
  const { current, migrations } = chain
  if (version > current) {
    return {
      ok: false,
      reason: `the file is a version ${version} board export, newer than the version ${current} this Flowmap reads: update Flowmap to import it`,
    }
  }
  const oldest = oldestExportVersion(migrations, current)
  if (version < oldest) {
    return {
      ok: false,
      reason: `the file says it is a version ${version} board export; Flowmap has only written versions ${oldest} to ${current}`,
    }
  }
  let migrated = body
  const steps: string[] = []
  for (let at = version; at < current; at++) {
    const step = migrations.find((migration) => migration.from === at)
    // A gap in the table is this code's bug, not the file's: say so rather than skip a step.
    if (step === undefined) throw new Error(`no board export migration from version ${at}`)
    migrated = step.up(migrated)
    steps.push(step.what)
  }
  return { ok: true, body: migrated, from: version, steps }
}
