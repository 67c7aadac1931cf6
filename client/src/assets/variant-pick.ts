/**
 * Which copy of a picture to draw: the smallest resized variant still at least as wide, in device
 * pixels, as the picture is drawn (tldraw's own approach: `asset.props.w * screenScale * dpr`), so a
 * board of photos zoomed out fetches and decodes thumbnails, not originals. The original when asked
 * for it (an export, a copy) or when no variant is wide enough.
 */
import type { AssetVariantMeta } from '@flowmap/shared'

export interface VariantPickContext {
  /** How large the picture is drawn relative to its own width (CSS pixels). */
  screenScale: number
  /** Device pixels per CSS pixel. */
  dpr: number
  /** An export or a copy: the picture leaves the board and must be whole. */
  shouldResolveToOriginal: boolean
}

/** The source to draw: a variant's, or `original`. Variants are listed smallest first. */
export function pickAssetSource(
  original: string,
  originalWidth: number,
  variants: readonly AssetVariantMeta[],
  context: VariantPickContext,
): string {
  if (context.shouldResolveToOriginal) return original
  const needed = originalWidth * context.screenScale * context.dpr
  if (!Number.isFinite(needed)) return original
  const covering = variants.find((variant) => variant.w >= needed && variant.w < originalWidth)
  return covering?.src ?? original
}
