import { useMemo } from 'react'
import { checkShareToken } from './share-link.ts'
import './share.css'

/** A clear sentence above the board when the link's token is malformed, expired or for another board. */
export function ShareTokenNotice({ boardId, token }: { boardId: string; token: string | null }) {
  const check = useMemo(() => checkShareToken(token, boardId, Date.now()), [boardId, token])
  if (check.state !== 'problem') return null
  return (
    <div
      className="flowmap-share__notice"
      role="alert"
      data-testid="share-token-problem"
      data-kind={check.kind}
    >
      {check.message}
    </div>
  )
}
