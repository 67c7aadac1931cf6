import { observeWorkshop, readWorkshopField, type WorkshopField } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** One workshop field of the board's doc (through its parser), kept current as anyone changes it. */
export function useWorkshopField<Value>(
  doc: Y.Doc | null,
  field: WorkshopField<string, Value>,
): Value | null {
  const [value, setValue] = useState<Value | null>(() => (doc ? readWorkshopField(doc, field) : null))
  useEffect(() => {
    if (doc === null) {
      setValue(null)
      return
    }
    setValue(readWorkshopField(doc, field))
    return observeWorkshop(doc, (keys) => {
      if (keys.has(field.key)) setValue(readWorkshopField(doc, field))
    })
  }, [doc, field])
  return value
}
