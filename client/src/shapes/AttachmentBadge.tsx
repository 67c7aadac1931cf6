/**
 * The file an artifact card holds (its `meta.attachment`), shown as a paperclip and the file's name.
 * Double-click it, or Enter on it, to open the file (fetched with the board's credentials, or this
 * device's copy offline). A single click selects the card as anywhere else on it; tldraw is kept out of
 * the badge's pointer events so a double-click opens the file rather than editing the label.
 */
import type { Attachment } from '@flowmap/shared'
import type { KeyboardEvent, PointerEvent } from 'react'
import { type TLShapeId, useEditor } from 'tldraw'
import { openAttachment } from '../assets/attachment-artifact.ts'
import { boardAssetStoreOf } from '../assets/board-asset-store.ts'
import './attachment-badge.css'

export function AttachmentBadge({ shapeId, attachment }: { shapeId: TLShapeId; attachment: Attachment }) {
  const editor = useEditor()
  const open = () => {
    const assets = boardAssetStoreOf(editor.store)
    if (assets === null) return
    void openAttachment(assets, attachment).then((problem) => problem && assets.reportProblem(problem))
  }
  const keepFromCanvas = (event: PointerEvent) => editor.markEventAsHandled(event)
  return (
    <button
      type="button"
      className="flowmap-attachment"
      data-testid="attachment-badge"
      title={`${attachment.name}: double-click or press Enter to open`}
      aria-label={`Open ${attachment.name}`}
      draggable={false}
      onPointerDown={keepFromCanvas}
      onPointerUp={keepFromCanvas}
      onClick={(event) => {
        // Enter and Space click a button with no pointer (detail 0): that opens; a pointer click selects.
        if (event.detail === 0) open()
        else editor.select(shapeId)
      }}
      onDoubleClick={(event) => {
        event.stopPropagation()
        open()
      }}
      onKeyDown={(event: KeyboardEvent) => event.stopPropagation()}
    >
      <PaperclipIcon />
      <span className="flowmap-attachment__name">{attachment.name}</span>
    </button>
  )
}

function PaperclipIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 24 24" aria-hidden="true" className="flowmap-attachment__clip">
      <path
        d="M21.4 11.1 12.2 20.3a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
