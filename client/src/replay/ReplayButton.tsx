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
}

/** The board's entry to replay: a button, and replay mode over the page while it is open. */
export function ReplayButton({ boardId, token, doc, editor, licenseKey }: ReplayButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="flowmap-replay-button"
        data-testid="replay.open"
        onClick={() => setOpen(true)}
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
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  )
}
