import type { ReactionEvent } from './reactions.ts'

/**
 * Reactions floating up the left side of the board, each with its sender's name in their colour.
 * Each is drawn for the length of its CSS animation, then taken away by `onDone`.
 */
export function FloatingReactions({
  reactions,
  onDone,
}: {
  reactions: readonly ReactionEvent[]
  onDone(key: string): void
}) {
  return (
    <div className="flowmap-floating-reactions" aria-live="polite">
      {reactions.map((reaction, index) => (
        <div
          key={reaction.key}
          className="flowmap-floating-reactions__item"
          data-testid="floating-reaction"
          style={{ left: `${20 + (index % 4) * 40}px` }}
          onAnimationEnd={() => onDone(reaction.key)}
        >
          <span className="flowmap-floating-reactions__emoji">{reaction.emoji}</span>
          <span className="flowmap-floating-reactions__name" style={{ background: reaction.color }}>
            {reaction.name}
          </span>
        </div>
      ))}
    </div>
  )
}
