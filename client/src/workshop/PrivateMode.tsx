/**
 * Private mode on the board (issue 13): the facilitator starts a private brainstorm (choosing whether
 * notes are revealed anonymously) and ends it; while it is on, everyone sees a banner saying their new
 * sticky notes stay on this device, and each of their drafts carries a "private — only you see this"
 * label. The drafts themselves are private-drafts.ts.
 */
import { type PrivateMode, privateModeField, writeWorkshopField } from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useEffect, useRef, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { usePopover } from '../app/use-popover.ts'
import { openPrivateDrafts } from '../storage/private-drafts.ts'
import { isPrivateDraft } from './private-draft-marker.ts'
import { registerPrivateDrafts } from './private-drafts.ts'
import { useWorkshopField } from './use-workshop-field.ts'
import './private-mode.css'

type PrivateModeProps = {
  editor: Editor | null
  doc: Y.Doc | null
  provider: HocuspocusProvider | null
  boardId: string
}

export function PrivateModeControls({ editor, doc, provider, boardId }: PrivateModeProps) {
  const mode = useWorkshopField(doc, privateModeField)
  const [problem, setProblem] = useState<string | null>(null)
  const modeRef = useRef(mode)
  modeRef.current = mode
  const providerRef = useRef(provider)
  providerRef.current = provider
  const drafts = useRef<ReturnType<typeof registerPrivateDrafts> | null>(null)

  useEffect(() => {
    if (editor === null) return
    const db = openPrivateDrafts()
    const registered = registerPrivateDrafts({
      editor,
      boardId,
      db,
      mode: () => modeRef.current,
      provider: () => providerRef.current,
      onRevealProblem: setProblem,
    })
    drafts.current = registered
    return () => {
      registered.dispose()
      drafts.current = null
      db.close()
    }
  }, [editor, boardId])

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new mode or connection is the reason to look again
  useEffect(() => {
    drafts.current?.revealDue()
  }, [mode, provider])

  const on = mode?.state === 'on'
  return (
    <>
      <div className="flowmap-private" data-testid="private-mode" data-state={on ? 'on' : 'off'}>
        {on && (
          <p className="flowmap-private__banner" data-testid="private-banner">
            <strong>Private brainstorm.</strong> Your new sticky notes stay on this device until the
            facilitator ends it
            {mode.anonymous ? '; then they are shown without your name.' : '; then everyone sees them.'}
          </p>
        )}
        {problem !== null && (
          <p className="flowmap-private__problem" role="alert">
            Your private notes were not revealed: {problem}
          </p>
        )}
      </div>
      {editor !== null && <PrivateDraftLabels editor={editor} />}
    </>
  )
}

/**
 * A facilitator's start and end of private mode, in the header's workshop menu: `facilitator` is who
 * starts it, as the workshop map records it.
 */
export function PrivateModeMenuItem({
  doc,
  facilitator,
}: {
  doc: Y.Doc | null
  facilitator: { id: string; name: string }
}) {
  const mode = useWorkshopField(doc, privateModeField)
  const write = (next: PrivateMode) => {
    if (doc !== null) writeWorkshopField(doc, privateModeField, next)
  }
  return (
    <FacilitatorControls
      mode={mode}
      onStart={(anonymous) =>
        write({ state: 'on', since: Date.now(), anonymous, by: facilitator.id, name: facilitator.name })
      }
      onEnd={() => mode && write({ ...mode, state: 'ended', endedAt: Date.now() })}
    />
  )
}

function FacilitatorControls(props: {
  mode: PrivateMode | null
  onStart(anonymous: boolean): void
  onEnd(): void
}) {
  const menu = usePopover()
  const [anonymous, setAnonymous] = useState(false)
  if (props.mode?.state === 'on') {
    return (
      <button
        type="button"
        className="flowmap-button flowmap-private__end"
        data-testid="private-end"
        data-workshop-done
        onClick={props.onEnd}
      >
        End private mode and reveal notes
      </button>
    )
  }
  return (
    <div className="flowmap-private__start" ref={menu.root}>
      <button
        type="button"
        className="flowmap-button"
        data-testid="private-open"
        aria-expanded={menu.open}
        onClick={() => menu.setOpen((open) => !open)}
      >
        Private mode
      </button>
      {menu.open && (
        <div className="flowmap-private__menu">
          <p>Everyone's new sticky notes stay on their own device until you end it.</p>
          <label>
            <input
              type="checkbox"
              data-testid="private-anonymous"
              checked={anonymous}
              onChange={(event) => setAnonymous(event.currentTarget.checked)}
            />{' '}
            Reveal them without names
          </label>
          <button
            type="button"
            className="flowmap-button flowmap-button--primary"
            data-testid="private-start"
            data-workshop-done
            onClick={() => {
              props.onStart(anonymous)
              menu.setOpen(false)
            }}
          >
            Start private brainstorm
          </button>
        </div>
      )}
    </div>
  )
}

/** "private — only you see this" above each of this page's drafts, following the camera. */
function PrivateDraftLabels({ editor }: { editor: Editor }) {
  const labels = useValue(
    'private draft labels',
    () =>
      editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'note' && isPrivateDraft(shape))
        .flatMap((shape) => {
          const bounds = editor.getShapePageBounds(shape)
          if (!bounds) return []
          const at = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
          return [{ id: shape.id, x: at.x, y: at.y }]
        }),
    [editor],
  )
  return (
    <>
      {labels.map((label) => (
        <span
          key={label.id}
          className="flowmap-private__label"
          data-testid="private-draft-label"
          style={{ left: label.x, top: label.y }}
        >
          private — only you see this
        </span>
      ))}
    </>
  )
}
