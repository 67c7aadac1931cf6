import { type BoardRole, isBoardRole } from '@flowmap/shared'
import { useId, useRef, useState } from 'react'
import { requestInvite } from './invite-api.ts'
import { addMadeLink, type MadeLink, readMadeLinks } from './made-links.ts'
import './share.css'

/** Every board role, in the order offered (least access first); a new role fails typecheck here. */
const ROLE_LABELS = {
  viewer: 'Viewer: can look, not edit',
  editor: 'Editor: can edit the map',
  facilitator: 'Facilitator: can edit and invite',
} as const satisfies Record<BoardRole, string>
const ROLE_CHOICES = Object.entries(ROLE_LABELS).map(([role, label]) => ({ role, label }))
const EXPIRY_CHOICES = [1, 7, 30, 90]

/** A Share button and its dialog: make a viewer/editor/facilitator link with an expiry, copy it, see those made. */
export function ShareButton({
  boardId,
  token,
  canInvite,
}: {
  boardId: string
  token: string | null
  /** False for viewers and editors: only a facilitator's token may make links (the server checks too). */
  canInvite: boolean
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  return (
    <>
      <button
        type="button"
        className="flowmap-button flowmap-button--primary flowmap-share__open"
        data-testid="share-button"
        onClick={() => dialog.current?.showModal()}
      >
        Share
      </button>
      <dialog ref={dialog} className="flowmap-share" aria-labelledby={`${boardId}-share-title`}>
        <ShareForm
          boardId={boardId}
          token={token}
          canInvite={canInvite}
          onClose={() => dialog.current?.close()}
        />
      </dialog>
    </>
  )
}

function ShareForm({
  boardId,
  token,
  canInvite,
  onClose,
}: {
  boardId: string
  token: string | null
  canInvite: boolean
  onClose(): void
}) {
  const ids = useId()
  const [role, setRole] = useState<BoardRole>('editor')
  const [days, setDays] = useState(7)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [links, setLinks] = useState<MadeLink[]>(() => readMadeLinks(window.localStorage, boardId))
  const [copied, setCopied] = useState<string | null>(null)

  const make = async () => {
    setBusy(true)
    setProblem(null)
    const trimmed = name.trim()
    const result = await requestInvite({ boardId, token, role, days, name: trimmed || `Guest ${role}` })
    setBusy(false)
    if (!result.ok) {
      setProblem(result.message)
      return
    }
    setLinks(
      addMadeLink(window.localStorage, boardId, {
        url: result.invite.url,
        role,
        name: trimmed || `Guest ${role}`,
        expiresAt: result.invite.expiresAt,
        madeAt: new Date().toISOString(),
      }),
    )
  }

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(url)
    } catch {
      setProblem('The browser did not let the page copy; select the link and copy it by hand.')
    }
  }

  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault()
        void make()
      }}
    >
      <h2 id={`${boardId}-share-title`}>Share this board</h2>
      {canInvite ? (
        <>
          <label htmlFor={`${ids}-role`}>Access</label>
          <select
            id={`${ids}-role`}
            data-testid="share-role"
            value={role}
            onChange={(event) => {
              const chosen = event.currentTarget.value
              if (isBoardRole(chosen)) setRole(chosen)
            }}
          >
            {ROLE_CHOICES.map((choice) => (
              <option key={choice.role} value={choice.role}>
                {choice.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-days`}>Link expires after</label>
          <select
            id={`${ids}-days`}
            data-testid="share-days"
            value={days}
            onChange={(event) => setDays(Number(event.currentTarget.value))}
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 1 ? '1 day' : `${choice} days`}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-name`}>For (optional)</label>
          <input
            id={`${ids}-name`}
            data-testid="share-name"
            value={name}
            maxLength={100}
            placeholder="Name of the person or group"
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <button
            type="submit"
            className="flowmap-button flowmap-button--primary"
            disabled={busy}
            data-testid="share-create"
          >
            {busy ? 'Making the link…' : 'Create link'}
          </button>
        </>
      ) : (
        <p>Only a facilitator can make links to this board. Ask one to invite people.</p>
      )}
      <label htmlFor={`${ids}-address`}>This board's address (enough on a server without sign-in)</label>
      <div className="flowmap-share__address">
        <input
          id={`${ids}-address`}
          readOnly
          value={`${window.location.origin}/b/${boardId}`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="flowmap-button"
          onClick={() => void copy(`${window.location.origin}/b/${boardId}`)}
        >
          {copied === `${window.location.origin}/b/${boardId}` ? 'Copied' : 'Copy'}
        </button>
      </div>
      {problem && (
        <p className="flowmap-share__problem" role="alert" data-testid="share-problem">
          {problem}
        </p>
      )}
      {links.length > 0 && (
        <>
          <h3>Links made on this device</h3>
          <ul className="flowmap-share__links" data-testid="share-links">
            {links.map((link) => (
              <li key={link.url} data-testid="share-link" data-role={link.role}>
                <span className="flowmap-share__link-meta">
                  {link.role} · {link.name} · expires {new Date(link.expiresAt).toLocaleDateString()}
                </span>
                <input
                  readOnly
                  value={link.url}
                  aria-label={`${link.role} link for ${link.name}`}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <button type="button" className="flowmap-button" onClick={() => void copy(link.url)}>
                  {copied === link.url ? 'Copied' : 'Copy'}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="flowmap-share__actions">
        <button type="button" className="flowmap-button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  )
}
