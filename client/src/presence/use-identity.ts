import { useCallback, useState } from 'react'
import { loadIdentity, type PersonIdentity, saveIdentity } from './identity.ts'

/** This device's person (name and colour), created on first use and saved on every edit. */
export function useIdentity(suggestedName: string | null): [PersonIdentity, (next: PersonIdentity) => void] {
  const [identity, setIdentity] = useState(() => loadIdentity(window.localStorage, { suggestedName }))
  const update = useCallback((next: PersonIdentity) => {
    saveIdentity(window.localStorage, next)
    setIdentity(next)
  }, [])
  return [identity, update]
}
