/**
 * XML ids for the exported elements. BPMN ids are NCNames (a letter or `_` first, then letters, digits,
 * `.`, `-`, `_`; no colon), so a record id becomes its id without the `shape:` prefix, every other
 * character replaced by `_`, and `_` in front when it would start with a digit, `.` or `-`. Ids are
 * handed out once: a clash (two record ids that differ only in replaced characters, or one that equals
 * an id the export makes up) gets `_2`, `_3`, … so every id in the file is unique.
 */
export type XmlIds = {
  /** The id of the element written for this record id (the same id each time it is asked). */
  forRecord(recordId: string): string
  /** A fresh id made from `base` (a record's XML id and a suffix, or a fixed name). */
  fresh(base: string): string
}

const NOT_NCNAME_CHARS = /[^A-Za-z0-9._-]/g
const NCNAME_START = /^[A-Za-z_]/

function ncName(text: string): string {
  const replaced = text.replace(NOT_NCNAME_CHARS, '_')
  return NCNAME_START.test(replaced) ? replaced : `_${replaced}`
}

export function createXmlIds(): XmlIds {
  const taken = new Set<string>()
  const byRecord = new Map<string, string>()

  function fresh(base: string): string {
    const name = ncName(base)
    let id = name
    for (let n = 2; taken.has(id); n++) id = `${name}_${n}`
    taken.add(id)
    return id
  }

  return {
    forRecord(recordId) {
      const known = byRecord.get(recordId)
      if (known !== undefined) return known
      const id = fresh(recordId.startsWith('shape:') ? recordId.slice('shape:'.length) : recordId)
      byRecord.set(recordId, id)
      return id
    },
    fresh,
  }
}
