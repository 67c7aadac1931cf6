/**
 * The plain text of a comment's body. tldraw keeps a comment's body as rich text (a TipTap document:
 * `{ type: 'doc', content: [paragraph…] }`); Flowmap writes plain paragraphs and reads any tree: the
 * text nodes in order, paragraphs and hard breaks as line breaks.
 */
export function commentText(body: unknown): string {
  const lines: string[] = []
  let line = ''
  const walk = (node: unknown, depth: number) => {
    if (typeof node !== 'object' || node === null || depth > 64) return
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
    if (type === 'text' && typeof text === 'string') line += text
    else if (type === 'hardBreak') line += '\n'
    else if (type === 'mention')
      line += `@${String((node as { attrs?: { label?: unknown } }).attrs?.label ?? '')}`
    if (Array.isArray(content)) for (const child of content) walk(child, depth + 1)
    if (type === 'paragraph' || type === 'heading') {
      lines.push(line)
      line = ''
    }
  }
  walk(body, 0)
  if (line !== '') lines.push(line)
  return lines.join('\n')
}

/** The rich-text body of plain text: one paragraph per line (an empty line an empty paragraph). */
export function commentBody(text: string): { type: 'doc'; content: unknown[] } {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  }
}
