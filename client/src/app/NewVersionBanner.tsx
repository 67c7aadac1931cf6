import { useSyncExternalStore } from 'react'
import type { NewVersionOffer } from './new-version.ts'

/** "A new version is ready" with a Reload button, once a new build took over a page in use. */
export function NewVersionBanner({ offer }: { offer: NewVersionOffer }) {
  const ready = useSyncExternalStore(offer.subscribe, offer.isReady)
  if (!ready) return null
  return (
    <div className="flowmap-new-version" role="status" data-testid="new-version-banner">
      <span>A new version of Flowmap is ready. Your board is saved.</span>
      <button
        type="button"
        className="flowmap-button flowmap-button--primary"
        onClick={() => window.location.reload()}
      >
        Reload
      </button>
    </div>
  )
}
