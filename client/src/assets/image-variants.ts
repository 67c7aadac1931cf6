/**
 * Resized copies of a large picture, made in the browser when it is dropped: halves of it (1/2, 1/4,
 * …) down to about 256 px on its long side, for drawing it small (variant-pick.ts chooses one).
 *
 * The page must not stall on a 25 MB photo: `createImageBitmap` decodes and scales off the main
 * thread (its `resizeWidth`/`resizeHeight`), only the small result is drawn to an `OffscreenCanvas`,
 * and `convertToBlob` encodes asynchronously. Each variant is WebP where the browser encodes it, else
 * the picture's own type. Animated GIFs and SVGs (which scale by themselves) get none.
 */

/** Pictures up to this long side are drawn as they are. */
export const VARIANT_THRESHOLD_PX = 1024
/** The smallest variant's long side is at least this. */
export const SMALLEST_VARIANT_PX = 256

const RESIZABLE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp'])

export interface ImageVariant {
  w: number
  blob: Blob
}

/** The widths of the variants of a `width` × `height` picture, smallest first (none when it is small). */
export function variantWidths(width: number, height: number): number[] {
  const longSide = Math.max(width, height)
  if (!(longSide > VARIANT_THRESHOLD_PX)) return []
  const widths: number[] = []
  for (let scale = 1 / 2; longSide * scale >= SMALLEST_VARIANT_PX; scale /= 2) {
    widths.unshift(Math.max(1, Math.round(width * scale)))
  }
  return widths
}

/**
 * The variants of a picture, or none where it needs none or the browser cannot make them. `known` is
 * its size when the caller has it (tldraw measured it already): then it is not decoded just to learn it.
 */
export async function makeImageVariants(
  blob: Blob,
  mimeType: string,
  known?: { width: number; height: number },
): Promise<ImageVariant[]> {
  if (!RESIZABLE_TYPES.has(mimeType)) return []
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas === 'undefined') return []
  if (known !== undefined && variantWidths(known.width, known.height).length === 0) return []
  let size = known
  if (size === undefined) {
    try {
      const probe = await createImageBitmap(blob)
      size = { width: probe.width, height: probe.height }
      probe.close()
    } catch {
      return [] // not decodable here: drawn (or refused) as tldraw decides, without variants
    }
  }
  const variants: ImageVariant[] = []
  for (const w of variantWidths(size.width, size.height)) {
    const h = Math.max(1, Math.round((size.height * w) / size.width))
    try {
      const bitmap = await createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' })
      const canvas = new OffscreenCanvas(w, h)
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
      bitmap.close()
      const webp = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 })
      // A browser without a WebP encoder answers PNG: then the picture's own type.
      const encoded =
        webp.type === 'image/webp' ? webp : await canvas.convertToBlob({ type: mimeType, quality: 0.85 })
      variants.push({ w, blob: encoded })
    } catch {
      return variants // out of memory or the like: the ones made so far still help
    }
  }
  return variants
}
