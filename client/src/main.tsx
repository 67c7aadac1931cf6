import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tldraw/tldraw.css'
import './app/app.css'
import { App } from './app/App.tsx'
import { newVersionOffer, trackFirstInteraction, watchForNewVersion } from './storage/new-version.ts'
import { registerServiceWorker } from './storage/register-service-worker.ts'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to mount Flowmap into')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// After the first render: the worker precaches the app for offline reloads and must not delay it.
void registerServiceWorker()
if ('serviceWorker' in navigator) {
  const touched = trackFirstInteraction(window)
  watchForNewVersion(navigator.serviceWorker, {
    touched,
    reload: () => window.location.reload(),
    offer: newVersionOffer.show,
  })
}
