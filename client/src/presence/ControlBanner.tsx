import type { AttentionControl } from './attention-follower.ts'

/**
 * "Fay has control of your view": while a facilitator holds take-control, this participant's camera
 * follows theirs and cannot be moved, so the banner says who holds it instead of offering a way out.
 */
export function ControlBanner({ control }: { control: AttentionControl }) {
  return (
    <div
      className="flowmap-presence__following flowmap-attention__control"
      role="status"
      data-testid="control-banner"
    >
      <span>
        <strong>{control.leaderName}</strong> has control of your view
      </span>
    </div>
  )
}
