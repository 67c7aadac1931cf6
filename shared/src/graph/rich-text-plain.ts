/**
 * The plain text of a tldraw rich-text tree (TipTap JSON): the `text` of every text node, paragraphs
 * joined by newlines. Arrow labels are rich text; a branch label is their plain text.
 */
export function plainTextOf(richText: unknown): string {
  const blocks: string[] = []
  collectBlocks(richText, blocks)
  return blocks.join('\n')
}

function collectBlocks(node: unknown, blocks: string[]): void {
  if (typeof node !== 'object' || node === null) return
  const { type, content } = node as { type?: unknown; content?: unknown }
  if (type === 'doc' && Array.isArray(content)) {
    for (const child of content) collectBlocks(child, blocks)
    return
  }
  blocks.push(inlineText(node))
}

function inlineText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return ''
  const { text, content } = node as { text?: unknown; content?: unknown }
  if (typeof text === 'string') return text
  return Array.isArray(content) ? content.map(inlineText).join('') : ''
}
