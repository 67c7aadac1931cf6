import type { LintIssue } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import type { BoardModel } from '../../sync/board-model.ts'
import { lintIssuesAtom } from './lint-state.ts'

/**
 * Rendering waits this long after a change: the lint itself runs per transaction (it is incremental
 * and cheap), but a drag makes a transaction per frame and the panel need not re-render that often.
 */
const RENDER_DELAY_MS = 80

/**
 * The live lint issues of a board, published to the editor's lint atom for the badges and the
 * count. Runs off the board model (the doc), so remote edits show as they arrive; it never touches
 * the editor's store, so it never blocks editing.
 */
export function useLiveLint(editor: Editor | null, model: BoardModel | null): readonly LintIssue[] {
  const [issues, setIssues] = useState<readonly LintIssue[]>([])
  useEffect(() => {
    if (model === null) {
      setIssues([])
      return
    }
    let latest: readonly LintIssue[] = []
    let timer: ReturnType<typeof setTimeout> | null = null
    const publish = () => {
      timer = null
      setIssues(latest)
      if (editor) lintIssuesAtom(editor).set(latest)
    }
    let first = true
    const stop = model.lint.subscribe((next) => {
      latest = next
      if (first) {
        first = false
        publish()
      } else timer ??= setTimeout(publish, RENDER_DELAY_MS)
    })
    return () => {
      stop()
      if (timer !== null) clearTimeout(timer)
      if (editor) lintIssuesAtom(editor).set([])
    }
  }, [editor, model])
  return issues
}
