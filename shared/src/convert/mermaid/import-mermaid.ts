import type { DraftRead } from '../flow-draft.ts'

/** Reads a Mermaid flowchart (`flowchart LR` / `graph TD`) into a draft, or says what is wrong with it. */
export function mermaidToDraft(_text: string): DraftRead {
  throw new Error('Mermaid import is not built yet')
}
