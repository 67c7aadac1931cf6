import { useId, useState } from 'react'
import { usePopover } from '../app/use-popover.ts'
import { REACTION_EMOJIS, REACTION_LIMIT, type ReactionEmoji } from './reactions.ts'

const EMOJI_NAMES: Record<ReactionEmoji, string> = {
  '👍': 'thumbs up',
  '❤️': 'love',
  '🎉': 'celebrate',
  '😂': 'laugh',
  '🤔': 'thinking',
  '👏': 'applause',
}

/**
 * The reaction button, over the board's lower left corner, and its row of six emoji (each a finger
 * wide on a phone). Past the per-person limit the row says to wait instead of sending.
 */
export function ReactionPicker({ onReact }: { onReact(emoji: ReactionEmoji): boolean }) {
  const { open, setOpen, root } = usePopover()
  const [held, setHeld] = useState(false)
  const rowId = useId()
  const react = (emoji: ReactionEmoji) => {
    const sent = onReact(emoji)
    setHeld(!sent)
    if (sent) setOpen(false)
  }
  return (
    <div className="flowmap-reactions" ref={root}>
      <fieldset id={rowId} className="flowmap-reactions__row" aria-label="Send a reaction" hidden={!open}>
        {REACTION_EMOJIS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="flowmap-reactions__emoji"
            data-testid={`reaction-${EMOJI_NAMES[emoji].replace(' ', '-')}`}
            aria-label={`React with ${EMOJI_NAMES[emoji]}`}
            title={EMOJI_NAMES[emoji]}
            onClick={() => react(emoji)}
          >
            {emoji}
          </button>
        ))}
        {held && (
          <span className="flowmap-reactions__held" role="status">
            {`At most ${REACTION_LIMIT.max} reactions in ${REACTION_LIMIT.windowMs / 1000} s: a moment, please`}
          </span>
        )}
      </fieldset>
      <button
        type="button"
        className="flowmap-reactions__toggle"
        data-testid="reactions-button"
        aria-expanded={open}
        aria-controls={rowId}
        aria-label="Reactions"
        title="Send a reaction everyone sees"
        onClick={() => {
          setHeld(false)
          setOpen((was) => !was)
        }}
      >
        😊
      </button>
    </div>
  )
}
