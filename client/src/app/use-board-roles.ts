import { observeRoles, type Role, readRoles } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** The board's roles (sorted as readRoles sorts them), kept current as anyone edits them. */
export function useBoardRoles(doc: Y.Doc | null): readonly Role[] {
  const [roles, setRoles] = useState<readonly Role[]>(() => (doc ? readRoles(doc) : []))
  useEffect(() => {
    if (!doc) {
      setRoles([])
      return
    }
    setRoles(readRoles(doc))
    return observeRoles(doc, (next) => setRoles(next))
  }, [doc])
  return roles
}
