import { useEffect, useState } from 'react'
import type { BoardDatabase } from '../storage/board-database.ts'
import type { BoardPreview as Preview } from './board-preview.ts'
import { deviceBoardPreview } from './device-boards.ts'

const KIND_COLORS: Record<string, string> = {
  stage: '#e7f5ff',
  lane: '#f8f9fa',
  step: '#4263eb',
  decision: '#f08c00',
  artifact: '#2f9e44',
  event: '#862e9c',
}

/** A thumbnail of a board on this device: its shapes as boxes. Server-only boards show a placeholder. */
export function BoardPreview({
  db,
  boardId,
  onDevice,
}: {
  db: BoardDatabase | null
  boardId: string
  onDevice: boolean
}) {
  const [preview, setPreview] = useState<Preview | null>(null)
  useEffect(() => {
    if (!db || !onDevice) return
    let cancelled = false
    deviceBoardPreview(db, boardId)
      .then((loaded) => {
        if (!cancelled) setPreview(loaded)
      })
      .catch(() => {})
    return () => {
      cancelled = true
    }
  }, [db, boardId, onDevice])

  if (!preview?.viewBox) {
    return (
      <div className="flowmap-home__preview flowmap-home__preview--empty" aria-hidden="true">
        {onDevice ? 'Empty board' : 'Open to download'}
      </div>
    )
  }
  return (
    <svg
      className="flowmap-home__preview"
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
