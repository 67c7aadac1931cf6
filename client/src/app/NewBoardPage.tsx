import { useEffect, useState } from 'react'
import { createBoard } from './create-board.ts'
import { boardPath } from './routes.ts'

/** `/`: makes a board (on the server when it answers, else on this device) and opens it. */
export function NewBoardPage({
  navigate,
}: {
  navigate(path: string, options?: { replace?: boolean }): void
}) {
  const [note, setNote] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    createBoard({}).then((created) => {
      if (cancelled) return
      if (created.note) {
        setNote(created.note)
        console.info(`Flowmap: ${created.note}`)
      }
      // replace: the back button should not land on `/` and create yet another board.
      navigate(boardPath(created.boardId), { replace: true })
    })
    return () => {
      cancelled = true
    }
  }, [navigate])
  return (
    <div className="flowmap-splash" role="status">
      <p>Creating a new board…</p>
      {note && <p className="flowmap-splash__note">{note}</p>}
    </div>
  )
}
