import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useEffect, useState } from 'react'
import { ServerClock } from './server-clock.ts'

/**
 * The page's server clock for the board's current provider (a refusal reset replaces the provider, and
 * the clock with it), re-rendering when the estimate changes; null before the board has a provider.
 */
export function useServerClock(provider: HocuspocusProvider | null): ServerClock | null {
  const [clock, setClock] = useState<ServerClock | null>(null)
  const [, setVersion] = useState(0)
  useEffect(() => {
    if (provider === null) {
      setClock(null)
      return
    }
    const created = new ServerClock(provider)
    const unsubscribe = created.subscribe(() => setVersion((version) => version + 1))
    setClock(created)
    return () => {
      unsubscribe()
      created.destroy()
    }
  }, [provider])
  return clock
}
