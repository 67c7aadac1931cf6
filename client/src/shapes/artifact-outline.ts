import type { ArtifactKind } from '@flowmap/shared'

const INSET = 1.5

/**
 * Outlines of the artifact kinds, shared by the canvas and SVG exports: a page with a wavy foot (document), a cylinder (data), a double-sided box (system).
 */
export function artifactOutline(kind: ArtifactKind, w: number, h: number): string {
  const r = INSET
  switch (kind) {
    case 'document': {
      const wave = Math.min(12, h * 0.12)
      const foot = h - r - wave
      return `M ${r} ${r} H ${w - r} V ${foot} C ${w * 0.75} ${foot - wave}, ${w * 0.6} ${foot - wave}, ${w / 2} ${foot} S ${w * 0.25} ${foot + 2 * wave}, ${r} ${foot} Z`
    }
    case 'data': {
      const ry = Math.min(12, h * 0.14)
      return `M ${r} ${r + ry} A ${w / 2 - r} ${ry} 0 0 1 ${w - r} ${r + ry} V ${h - r - ry} A ${w / 2 - r} ${ry} 0 0 1 ${r} ${h - r - ry} Z`
    }
    case 'system':
      return `M ${r} ${r} H ${w - r} V ${h - r} H ${r} Z`
    default:
      throw new Error(`artifact kind ${String(kind satisfies never)} has no outline`)
  }
}

/** The back rim of the data cylinder's top, drawn over its outline. */
export function cylinderRim(w: number, h: number): string {
  const ry = Math.min(12, h * 0.14)
  return `M ${INSET} ${INSET + ry} A ${w / 2 - INSET} ${ry} 0 0 0 ${w - INSET} ${INSET + ry}`
}
