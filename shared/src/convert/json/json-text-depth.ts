/**
 * How deep a JSON text nests, read from the text before it is parsed: a file nested thousands of
 * levels deep is refused with a sentence instead of being parsed into a tree that every later walk
 * (migrations, validators) would have to survive. One pass over the characters, strings skipped.
 */

/** The first nesting level past `maxDepth`, or null when the text never goes deeper than it. */
export function jsonNestingPast(text: string, maxDepth: number): number | null {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    else if (char === '{' || char === '[') {
      depth++
      if (depth > maxDepth) return depth
    } else if (char === '}' || char === ']') depth--
  }
  return null
}
