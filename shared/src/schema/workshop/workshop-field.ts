/**
 * One field of the board's `workshop` map: its key, and the one parser both ends use. The client reads
 * a field through `parse` (a malformed value reads as absent) and the server refuses a write whose
 * value `parse` rejects, so the two can never disagree about what a field may hold.
 */
export type WorkshopFieldParse<Value> = { ok: true; value: Value } | { ok: false; reason: string }

export interface WorkshopField<Key extends string = string, Value = unknown> {
  key: Key
  /** what the field is, for a person: 'the board lock' */
  title: string
  /** `reason` completes "workshop.<key> …": 'must be true or false, got "yes"' */
  parse(value: unknown): WorkshopFieldParse<Value>
}

export function defineWorkshopField<Key extends string, Value>(
  field: WorkshopField<Key, Value>,
): WorkshopField<Key, Value> {
  return field
}

export function workshopFieldOk<Value>(value: Value): WorkshopFieldParse<Value> {
  return { ok: true, value }
}

export function workshopFieldProblem(reason: string): WorkshopFieldParse<never> {
  return { ok: false, reason }
}
