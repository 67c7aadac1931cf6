import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite.js'

/**
 * tldraw's fonts, icons and translations, bundled by Vite and served from our own origin. Without
 * this tldraw fetches them from its CDN: unreachable offline and a request off our origin.
 */
export const TLDRAW_ASSET_URLS = getAssetUrlsByImport()
