/**
 * The comments UI's shared state, reached from inside tldraw (pins, popover, toolbar) and outside it
 * (the sidebar panel, the lint panel) through one React context: who I am, who can be mentioned,
 * whether I may comment, and what is open (comment mode, a thread, a draft thread's composer).
 */
import { createContext, useContext } from 'react'
import { atom, type TLCommentAnchor, type TLCommentThreadId } from 'tldraw'
import type { Commenter } from './comment-actions.ts'
import type { Mention } from './mentions.ts'

export type CommentDraft = { readonly anchor: TLCommentAnchor; readonly lintRule?: string }

export type CommentsUiState = {
  readonly mode: boolean
  readonly openThread: TLCommentThreadId | null
  readonly draft: CommentDraft | null
  readonly showResolved: boolean
}

export type CommentsController = {
  readonly boardId: string
  readonly me: Commenter
  readonly canComment: boolean
  /** People of the board and past comment authors, and the board's roles. */
  readonly candidates: readonly Mention[]
  readonly state: ReturnType<typeof atom<CommentsUiState>>
  /** Opens the Comments tab of the sidebar. */
  showPanel(): void
}

export function createCommentsState() {
  return atom<CommentsUiState>('comments ui', {
    mode: false,
    openThread: null,
    draft: null,
    showResolved: false,
  })
}

export const CommentsContext = createContext<CommentsController | null>(null)

export function useComments(): CommentsController | null {
  return useContext(CommentsContext)
}

export function updateUi(controller: CommentsController, change: Partial<CommentsUiState>): void {
  controller.state.update((state) => ({ ...state, ...change }))
}
