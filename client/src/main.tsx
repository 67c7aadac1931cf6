import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tldraw/tldraw.css'
import './app/app.css'
import { App } from './app/App.tsx'
import { warmLazyParts } from './app/lazy-parts.ts'
import { createNewVersionOffer, trackFirstInteraction, watchForNewVersion } from './app/new-version.ts'
import { registerServiceWorker } from './storage/register-service-worker.ts'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to mount Flowmap into')

const newVersion = createNewVersionOffer()
createRoot(container).render(
  <StrictMode>
    <App newVersion={newVersion} />
  </StrictMode>,
)

// After the first render: the worker precaches the app for offline reloads and must not delay it.
void registerServiceWorker()
// The parts a first visit does not need (converters, insights, replay) load when the page is idle.
void warmLazyParts()
if ('serviceWorker' in navigator) {
  const touched = trackFirstInteraction(window)
  watchForNewVersion(navigator.serviceWorker, {
    touched,
    reload: () => window.location.reload(),
    offer: newVersion.show,
  })
}
