import { type Editor, type TLRecord, useValue } from 'tldraw'
import { type CommentThreadView, readCommentThreads } from './comment-text.ts'

type RecordQuery = { get(): TLRecord[] }
const recordsOf = (editor: Editor, typeName: string): TLRecord[] =>
  (editor.store.query.records as unknown as (type: string) => RecordQuery)(typeName).get()

/** The board's comment threads, kept current as anyone comments. */
export function useThreads(editor: Editor | null): CommentThreadView[] {
  return useValue(
    'comment threads',
    () =>
      editor
        ? readCommentThreads([...recordsOf(editor, 'comment-thread'), ...recordsOf(editor, 'comment')])
        : [],
    [editor],
  )
}
