/**
 * The bundle-size reference: a page with nothing but tldraw's default editor, built by the same Vite as
 * Flowmap's client. Everything Flowmap adds (workflow shapes, panels, sync, storage) is the difference.
 */
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')
createRoot(container).render(createElement(Tldraw))
