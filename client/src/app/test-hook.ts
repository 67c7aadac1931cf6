import type { Editor } from 'tldraw'

type FlowmapTestHook = { editor?: Editor | null; [key: string]: unknown }

/**
 * `window.__flowmap` is the page's test and debugging hook (docs/architecture.md, contracts): the UI sets `editor`,
 * the sync layer sets doc, provider and the rest. Each side sets its own keys on the shared object
 * rather than replacing it, so neither wipes out the other's.
 */
export function exposeEditor(editor: Editor | null): void {
  const host = window as unknown as { __flowmap?: FlowmapTestHook }
  host.__flowmap ??= {}
  host.__flowmap.editor = editor
}
