import { useEffect, useState } from 'react'
import { suggestNewBoardTitle } from '../home/new-board-title.ts'
import { createBoardFromTemplate } from '../home/template-board.ts'
import { createBoardDatabase } from '../storage/board-database.ts'
import { findTemplate } from '../templates/find-template.ts'
import { boardPath } from './routes.ts'

/**
 * `/new`: makes a board (on the server when it answers, else on this device) and opens it, straight
 * away: scripts, bookmarks and the e2e specs use it. `?title=…` names it; without one it gets the
 * template's name, or the next free "Untitled board N". `?template=…` starts it from a template. The
 * home page's Create asks for the name first.
 */
type NewBoardPageProps = {
  token: string | null
  title: string | null
  template: string | null
  navigate(path: string, options?: { replace?: boolean }): void
}

export function NewBoardPage({ token, title, template, navigate }: NewBoardPageProps) {
  const [note, setNote] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    const make = async () => {
      const found = await findTemplate(template, token)
      if (cancelled) return
      if (!found.ok) {
        setProblem(found.message)
        return
      }
      const named = found.template?.records.length ? found.template.name : null
      const name = title ?? named ?? (await suggestNewBoardTitle(token))
      if (cancelled) return
      const db = openDatabase()
      try {
        const created = await createBoardFromTemplate({ db, token, title: name, template: found.template })
        if (cancelled) return
        if (created.note) {
          setNote(created.note)
          console.info(`Flowmap: ${created.note}`)
        }
        if (created.problem) console.warn(`Flowmap: the template's content was not kept: ${created.problem}`)
        // replace: the back button should not land on `/` and create yet another board.
        navigate(boardPath(created.boardId, token), { replace: true })
      } finally {
        db?.close()
      }
    }
    void make().catch((error) => setProblem(error instanceof Error ? error.message : String(error)))
    return () => {
      cancelled = true
    }
  }, [navigate, token, title, template])
  if (problem) {
    return (
      <div className="flowmap-splash" role="alert" data-testid="new-board-problem">
        <p>No board was created.</p>
        <p className="flowmap-splash__note">{problem}</p>
        <p>
          <a href="/">Back to your boards</a>
        </p>
      </div>
    )
  }
  return (
    <div className="flowmap-splash" role="status">
      <p>Creating a new board…</p>
      {note && <p className="flowmap-splash__note">{note}</p>}
    </div>
  )
}

function openDatabase() {
  try {
    return createBoardDatabase()
  } catch {
    return null
  }
}
