import { useEffect, useState } from 'react'
import { suggestNewBoardTitle } from '../home/new-board-title.ts'
import { createBoard } from './create-board.ts'
import { boardPath } from './routes.ts'

/**
 * `/new`: makes a board (on the server when it answers, else on this device) and opens it, straight
 * away: scripts, bookmarks and the e2e specs use it. `?title=…` names it; without one it gets the next
 * free "Untitled board N". The home page's Create asks for the name first.
 */
type NewBoardPageProps = {
  token: string | null
  title: string | null
  navigate(path: string, options?: { replace?: boolean }): void
}

export function NewBoardPage({ token, title, navigate }: NewBoardPageProps) {
  const [note, setNote] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    const named = title === null ? suggestNewBoardTitle(token) : Promise.resolve(title)
    void named
      .then((name) => (cancelled ? null : createBoard({ token, title: name })))
      .then((created) => {
        if (cancelled || created === null) return
        if (created.note) {
          setNote(created.note)
          console.info(`Flowmap: ${created.note}`)
        }
        // replace: the back button should not land on `/` and create yet another board.
        navigate(boardPath(created.boardId, token), { replace: true })
      })
    return () => {
      cancelled = true
    }
  }, [navigate, token, title])
  return (
    <div className="flowmap-splash" role="status">
      <p>Creating a new board…</p>
      {note && <p className="flowmap-splash__note">{note}</p>}
    </div>
  )
}
