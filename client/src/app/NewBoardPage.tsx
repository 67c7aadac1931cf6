import { useEffect, useState } from 'react'
import { createBoard } from './create-board.ts'
import { boardPath } from './routes.ts'

/** `/`: makes a board (on the server when it answers, else on this device) and opens it. */
type NewBoardPageProps = {
  token: string | null
  navigate(path: string, options?: { replace?: boolean }): void
}

export function NewBoardPage({ token, navigate }: NewBoardPageProps) {
  const [note, setNote] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    createBoard({ token }).then((created) => {
      if (cancelled) return
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
  }, [navigate, token])
  return (
    <div className="flowmap-splash" role="status">
      <p>Creating a new board…</p>
      {note && <p className="flowmap-splash__note">{note}</p>}
    </div>
  )
}
