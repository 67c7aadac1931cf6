import { shapeStringLimits } from '@flowmap/shared'
import type { Editor, TLShape } from 'tldraw'

/**
 * Stops a person's edit of a shape's text at the schema's limit (@flowmap/shared limits.ts), the
 * same number the server refuses beyond: inputs already carry `maxLength`, and this covers every other
 * way text arrives (paste into a shape, a tool, a script through the editor). Only the user's own
 * changes are cut; a remote or loaded record stays as stored, so a board saved before the limits
 * still shows its full text.
 */
export function registerTextLimits(editor: Editor): () => void {
  const removeCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' ? withinTextLimits(shape) : shape,
  )
  const removeChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' ? withinTextLimits(next, prev) : next,
  )
  return () => {
    removeCreate()
    removeChange()
  }
}

/**
 * The shape with each limited string cut to its limit. A field the change left as it was is kept,
 * even when over the limit (stored before the limits existed): the server only checks written fields.
 */
export function withinTextLimits<S extends TLShape>(shape: S, before?: S): S {
  let result = shape
  for (const [path, max] of Object.entries(shapeStringLimits(shape.type))) {
    const [part, key] = path.split('.') as ['props' | 'meta', string]
    const value = (result[part] as Record<string, unknown>)[key]
    if (typeof value !== 'string' || value.length <= max) continue
    if (before !== undefined && (before[part] as Record<string, unknown>)[key] === value) continue
    result = { ...result, [part]: { ...result[part], [key]: value.slice(0, max) } }
  }
  return result
}
