import { DefaultFontFaces, type TLFontFace } from 'tldraw'

/**
 * The workflow shapes are set in tldraw's own sans face (IBM Plex Sans, self-hosted with the other
 * tldraw assets). Naming it in each ShapeUtil's getFontFaces makes tldraw load it before drawing
 * and embed it in SVG/PNG exports, so a board reads the same on every device and in every export.
 */
export const WORKFLOW_FONT_FACES: readonly TLFontFace[] = [
  DefaultFontFaces.tldraw_sans.normal.normal,
  DefaultFontFaces.tldraw_sans.normal.bold,
]
