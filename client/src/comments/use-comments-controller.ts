import type { PeopleMessage, Role } from '@flowmap/shared'
import { useEffect, useMemo, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { viewerIdentity } from '../replay/viewer-identity.ts'
import { revealThread } from './CommentLayer.tsx'
import { markSeen } from './comment-device.ts'
import { type CommentsController, createCommentsState } from './comments-ui.ts'
import { uniqueMentions } from './mentions.ts'
import { useThreads } from './use-threads.ts'

/**
 * The comments controller of a board page: me (the id the server knows me by, so what I write is
 * mine), the people and roles I can mention, whether I may comment; and the deep link
 * `?comment=<thread>`, opened once the board has loaded (`missingThread` when it is not there).
 */
export function useCommentsController(options: {
  boardId: string
  token: string | null
  people: PeopleMessage | null
  roles: readonly Role[]
  canComment: boolean
  editor: Editor | null
  loaded: boolean
  showPanel(): void
}): { controller: CommentsController; missingThread: string | null } {
  const { boardId, token, people, roles, canComment, editor, loaded, showPanel } = options
  const [state] = useState(createCommentsState)
  const threads = useThreads(editor)
  const identity = viewerIdentity(token)
  const meId = people?.you ?? identity.userId
  const meName = people?.people.find((person) => person.userId === meId)?.name ?? identity.name
  const authorKey = threads
    .flatMap((view) =>
      view.comments.map((comment) => `${comment.authorId}\u0000${String(comment.meta.authorName ?? '')}`),
    )
    .join('\u0001')
  const candidates = useMemo(() => {
    const list = [
      ...(people?.people ?? []).map((person) => ({
        kind: 'person' as const,
        id: person.userId,
        name: person.name,
      })),
      ...authorKey
        .split('\u0001')
        .filter(Boolean)
        .map((entry) => {
          const [id, name] = entry.split('\u0000')
          return { kind: 'person' as const, id: id!, name: name ?? '' }
        }),
      ...roles.map((role) => ({ kind: 'role' as const, id: role.id, name: role.name })),
    ]
    return uniqueMentions(list)
  }, [people, roles, authorKey])
  const controller = useMemo<CommentsController>(
    () => ({ boardId, me: { id: meId, name: meName }, canComment, candidates, state, showPanel }),
    [boardId, meId, meName, canComment, candidates, state, showPanel],
  )

  // Opening a thread marks its comments seen (the unread-mentions count).
  const openThread = useValue('open thread', () => state.get().openThread, [state])
  useEffect(() => {
    if (!openThread) return
    const view = threads.find((candidate) => candidate.thread.id === openThread)
    if (view)
      markSeen(
        boardId,
        view.comments.map((comment) => comment.id),
      )
  }, [openThread, threads, boardId])

  const [linked] = useState(() => new URLSearchParams(window.location.search).get('comment'))
  const [linkDone, setLinkDone] = useState(false)
  const [missingThread, setMissing] = useState<string | null>(null)
  useEffect(() => {
    if (!linked || linkDone || !editor) return
    const view = threads.find((candidate) => candidate.thread.id === linked)
    if (view) {
      showPanel()
      revealThread(editor, controller, view)
      setLinkDone(true)
    } else if (loaded) {
      showPanel()
      setMissing(linked)
      setLinkDone(true)
    }
  }, [linked, linkDone, editor, threads, loaded, controller, showPanel])
  return { controller, missingThread }
}
