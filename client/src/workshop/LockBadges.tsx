import { lockHolderName, shapeLockOf } from '@flowmap/shared'
import { useEffect } from 'react'
import { type Editor, useEditor, useValue } from 'tldraw'
import { ShapeBadgeLayer, type ShapeBadgeProps } from '../shapes/ShapeBadgeLayer.tsx'
import { registerParticipantGuard } from './participant-guard.ts'
import { useWorkshop, type WorkshopState, workshopStateOf } from './workshop-state.ts'
import './workshop.css'

/** The badge sits just above the shape's top-left corner, clear of its label. */
const BADGE_LIFT_PX = 24

/**
 * On the canvas (tldraw's OnTheCanvas slot, page coordinates, as the lint badges): a lock at the
 * top-left corner of every shape a facilitator locked, for everyone, facilitators included, so all
 * know what stays put. Also where the participant guard is registered: it needs the editor and the
 * workshop state, and this slot has both.
 */
export function LockBadges() {
  const editor = useEditor()
  const workshop = useWorkshop(editor)
  useParticipantGuard(editor, workshop)
  return (
    <ShapeBadgeLayer
      className="flowmap-lock-badges"
      announced
      markedShapes={lockedShapes}
      nudge={`translate(0, -${BADGE_LIFT_PX}px)`}
      Badge={LockBadge}
    />
  )
}

/** Every shape a facilitator locked, as a string (see ShapeBadgeLayer). */
const lockedShapes = (editor: Editor) =>
  editor
    .getCurrentPageShapes()
    .filter((shape) => shapeLockOf(shape) !== null)
    .map((shape) => shape.id)
    .join(' ')

function LockBadge({ editor, shapeId, keepScreenSize }: ShapeBadgeProps) {
  const badge = useValue('lock badge', () => {
    const shape = editor.getShape(shapeId)
    const bounds = shape === undefined ? undefined : editor.getShapePageBounds(shape)
    const lock = shapeLockOf(shape)
    if (bounds === undefined || lock === null) return null
    const who = lockHolderName(lock === 'malformed' ? null : lock)
    return { x: bounds.minX, y: bounds.minY, title: `Locked by ${who}: only facilitators can change it` }
  }, [editor, shapeId])
  if (badge === null) return null
  return (
    <span
      className="flowmap-lock-badge"
      data-testid="lock-badge"
      data-shape-id={shapeId}
      title={badge.title}
      role="img"
      aria-label={badge.title}
      style={{ transform: `translate(${badge.x}px, ${badge.y}px) ${keepScreenSize}` }}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <rect x="2" y="5.5" width="8" height="5.5" rx="1" fill="currentColor" />
        <path d="M4 5.5V4a2 2 0 0 1 4 0v1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      </svg>
      Locked
    </span>
  )
}

/**
 * Registers the guard once per editor; it reads the latest workshop state from the editor's atom. While the
 * board is locked a participant's page is also read-only (no tools at all), and editable again after.
 */
function useParticipantGuard(editor: Editor, workshop: WorkshopState | null): void {
  useEffect(
    () =>
      registerParticipantGuard(editor, () => {
        const current = workshopStateOf(editor)
        return {
          held: current?.isHeldParticipant ?? false,
          boardLocked: current?.boardLock != null,
          toolsRestricted: current?.toolsRestricted ?? false,
        }
      }),
    [editor],
  )
  const lockedOut = (workshop?.isHeldParticipant ?? false) && workshop?.boardLock != null
  useEffect(() => {
    if (workshop === null || !workshop.isHeldParticipant) return
    editor.updateInstanceState({ isReadonly: lockedOut })
    if (lockedOut) editor.selectNone()
  }, [editor, workshop, lockedOut])
}
