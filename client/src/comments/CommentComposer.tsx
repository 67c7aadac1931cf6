import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { insertMention, type Mention, mentionQueryAt, mentionsIn, rankMentions } from './mentions.ts'

/**
 * A comment's text box: Enter sends (Shift+Enter a new line), `@` offers people and roles to mention
 * (arrows pick, Enter or Tab inserts), Escape cancels.
 */
export function CommentComposer({
  candidates,
  initial = '',
  initialMentions = [],
  placeholder,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = true,
}: {
  candidates: readonly Mention[]
  initial?: string
  initialMentions?: readonly Mention[]
  placeholder: string
  submitLabel: string
  onSubmit(text: string, mentions: Mention[]): void
  onCancel?(): void
  autoFocus?: boolean
}) {
  const [text, setText] = useState(initial)
  const [caret, setCaret] = useState(initial.length)
  const [picked, setPicked] = useState<Mention[]>([...initialMentions])
  const [active, setActive] = useState(0)
  const area = useRef<HTMLTextAreaElement>(null)
  // Focus after the click that opened the composer has finished (the canvas would take it back).
  useEffect(() => {
    if (!autoFocus) return
    const frame = requestAnimationFrame(() => area.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [autoFocus])
  const query = mentionQueryAt(text, caret)
  const options = query ? rankMentions(candidates, query.query) : []

  const pick = (mention: Mention) => {
    if (!query) return
    const next = insertMention(text, query.start, caret, mention)
    setText(next.text)
    setCaret(next.caret)
    setPicked((list) => [...list, mention])
    setActive(0)
    requestAnimationFrame(() => {
      area.current?.focus()
      area.current?.setSelectionRange(next.caret, next.caret)
    })
  }
  const submit = () => {
    const trimmed = text.trim()
    if (trimmed === '') return
    onSubmit(trimmed, mentionsIn(trimmed, picked))
    setText('')
    setCaret(0)
    setPicked([])
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation()
    if (options.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : options.length - 1
        setActive((index) => (index + step) % options.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault()
        pick(options[Math.min(active, options.length - 1)]!)
        return
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault()
      submit()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onCancel?.()
    }
  }
  return (
    <div className="flowmap-comment-composer">
      <textarea
        ref={area}
        className="flowmap-comment-composer__input"
        data-testid="comment-input"
        aria-label={placeholder}
        placeholder={placeholder}
        value={text}
        rows={2}
        // biome-ignore lint/a11y/noAutofocus: the composer opens because the person asked to write
        autoFocus={autoFocus}
        onChange={(event) => {
          setText(event.target.value)
          setCaret(event.target.selectionStart)
          setActive(0)
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {options.length > 0 && (
        <div
          className="flowmap-comment-mentions"
          role="listbox"
          aria-label="Mention"
          data-testid="mention-options"
        >
          {options.map((mention, index) => (
            <button
              key={`${mention.kind}:${mention.id}`}
              type="button"
              role="option"
              aria-selected={index === active}
              className="flowmap-comment-mentions__option"
              data-testid="mention-option"
              onMouseDown={(event) => {
                event.preventDefault()
                pick(mention)
              }}
            >
              <span>{mention.name}</span>
              <span className="flowmap-comment-mentions__kind">
                {mention.kind === 'role' ? 'Role' : 'Person'}
              </span>
            </button>
          ))}
        </div>
      )}
      <div className="flowmap-comment-composer__actions">
        {onCancel && (
          <button type="button" className="flowmap-comment-button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="flowmap-comment-button flowmap-comment-button--primary"
          data-testid="comment-submit"
          disabled={text.trim() === ''}
          onClick={submit}
        >
          {submitLabel}
        </button>
      </div>
    </div>
  )
}
