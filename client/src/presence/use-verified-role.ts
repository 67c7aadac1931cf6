/**
 * This page's role: what the server says it applies (its people list, people-messages.ts) once it has
 * said, and until then what the link claims (or facilitator, in local mode). The last verified role is
 * kept across the board's reconnections, so a demoted page stays a viewer while it reconnects as one;
 * `changedFrom` is the role it had before a facilitator's change during this page's life.
 */
import type { BoardRole, PeopleMessage } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import { verifiedOwnRole } from './people-rows.ts'

export type VerifiedRole = {
  readonly role: BoardRole
  readonly changedFrom: BoardRole | null
  /** how many times the verified role has changed while the page is open */
  readonly changes: number
}

export function useVerifiedRole(claimed: BoardRole, people: PeopleMessage | null): VerifiedRole {
  const [state, setState] = useState<{
    verified: BoardRole | null
    changedFrom: BoardRole | null
    changes: number
  }>({ verified: null, changedFrom: null, changes: 0 })
  const said = verifiedOwnRole(people)
  useEffect(() => {
    if (said === null) return
    setState((was) => {
      if (was.verified === said) return was
      // The first word from the server is no change: the link may have been overridden before.
      if (was.verified === null) return { ...was, verified: said }
      return { verified: said, changedFrom: was.verified, changes: was.changes + 1 }
    })
  }, [said])
  return { role: state.verified ?? claimed, changedFrom: state.changedFrom, changes: state.changes }
}
