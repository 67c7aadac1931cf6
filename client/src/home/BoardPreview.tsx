import type { BoardPreview as Preview } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import type { BoardDatabase } from '../storage/board-database.ts'
import { deviceBoardPreview } from './device-boards.ts'
import { fetchServerPreview } from './server-boards.ts'

const KIND_COLORS: Record<string, string> = {
  stage: '#e7f5ff',
  lane: '#f8f9fa',
  step: '#4263eb',
  decision: '#f08c00',
  artifact: '#2f9e44',
  event: '#862e9c',
}

/**
 * A thumbnail of a board: its shapes as boxes, from the device's copy, or from the server for a board
 * this device has not opened (a placeholder when neither can be had, e.g. offline).
 */
export function BoardPreview({
  db,
  boardId,
  onDevice,
  token,
}: {
  db: BoardDatabase | null
  boardId: string
  onDevice: boolean
  token: string | null
}) {
  const [preview, setPreview] = useState<Preview | null>(null)
  useEffect(() => {
    let cancelled = false
    const loading = onDevice
      ? db
        ? deviceBoardPreview(db, boardId)
        : Promise.resolve(null)
      : fetchServerPreview(boardId, token)
    loading
      .then((loaded) => {
        if (!cancelled) setPreview(loaded)
      })
      .catch(() => {})
    return () => {
      cancelled = true
    }
  }, [db, boardId, onDevice, token])

  if (!preview?.viewBox) {
    return (
      <div className="flowmap-home__preview flowmap-home__preview--empty" aria-hidden="true">
        {onDevice || preview ? 'Empty board' : 'Open to download'}
      </div>
    )
  }
  return <PreviewPicture preview={preview} testId="home-board-preview" />
}

/** The boxes of a preview as an SVG: a board's card on the home page, a template's in the picker. */
export function PreviewPicture({ preview, testId }: { preview: Preview; testId: string }) {
  if (!preview.viewBox) return null
  return (
    <svg
      className="flowmap-home__preview"
      data-testid={testId}
      viewBox={preview.viewBox}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      {preview.boxes.map((box, i) => {
        const fill = KIND_COLORS[box.kind] ?? '#adb5bd'
        const container = box.kind === 'stage' || box.kind === 'lane'
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: boxes have no ids and never reorder within one preview
            key={i}
            x={box.x}
            y={box.y}
            width={box.w}
            height={box.h}
            rx={Math.min(box.w, box.h) * 0.08}
            fill={fill}
            fillOpacity={container ? 1 : 0.85}
            stroke={container ? '#ced4da' : 'none'}
            strokeWidth={container ? Math.max(box.w, box.h) * 0.01 : 0}
          />
        )
      })}
    </svg>
  )
}
