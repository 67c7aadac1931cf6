import { useState } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { ReplayMode } from './ReplayMode.tsx'

export type ReplayButtonProps = {
  boardId: string
  token: string | null
  /** The live board's doc (from useBoardSync); null while it opens. */
  doc: Y.Doc | null
  /** The live board's editor (null while it mounts): a restore is one of its undo steps. */
  editor: Editor | null
  licenseKey?: string | null
  /**
   * Asks for replay open at a moment (the Activity panel's click), beside the button's own opening.
   * `onOpenAtClosed` is told when that replay closes, so the asker can clear it.
   */
  openAt?: { seq: number } | null
  onOpenAtClosed?(): void
}

/** The board's entry to replay: a button, and replay mode over the page while it is open. */
export function ReplayButton({
  boardId,
  token,
  doc,
  editor,
  licenseKey,
  openAt = null,
  onOpenAtClosed,
}: ReplayButtonProps) {
  const [openHere, setOpenHere] = useState(false)
  const open = openHere || openAt !== null
  const close = () => {
    setOpenHere(false)
    if (openAt !== null) onOpenAtClosed?.()
  }
  return (
    <>
      <button
        type="button"
        className="flowmap-replay-button"
        data-testid="replay.open"
        onClick={() => setOpenHere(true)}
        title="Replay how this board came about"
      >
        Replay
      </button>
      {open ? (
        <ReplayMode
          boardId={boardId}
          token={token}
          liveDoc={doc}
          liveEditor={editor}
          licenseKey={licenseKey}
          // A new request while open (none today: replay covers the panel) opens it afresh at its moment.
          key={openAt === null ? 'latest' : `at-${openAt.seq}`}
          {...(openAt === null ? {} : { initialSeq: openAt.seq })}
          onClose={close}
        />
      ) : null}
    </>
  )
}
