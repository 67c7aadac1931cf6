import { MAX_LABEL_CHARS } from '@flowmap/shared'
import { useEffect, useRef } from 'react'
import { useEditor, useValue } from 'tldraw'
import { setShapeText, shapeText, type WorkflowShape } from './shape-text.ts'

type EditableLabelProps = {
  /** The shape whose text this is (a decision's question, every other shape's label). */
  shape: WorkflowShape
  placeholder: string
  /** Accessible name of the text box while editing, e.g. "Step label". */
  ariaLabel: string
  /**
   * Called while editing when the text no longer fits, with the missing height in page units, so a
   * card can grow to fit what is typed (as Miro's cards and tldraw's geo shapes do).
   */
  onOverflow?(missingHeight: number): void
}

/**
 * A shape's label that turns into a text box on double-click (tldraw's editing state). Every keystroke
 * is written into the shape, as tldraw's own labels do. Styled by `flowmap-<shape type>__label`.
 *
 * The text box is uncontrolled (defaultValue) on purpose: while one person types, a remote change to
 * the same label must not move their caret; their next keystroke wins, last writer per prop.
 */
export function EditableLabel({ shape, placeholder, ariaLabel, onOverflow }: EditableLabelProps) {
  const editor = useEditor()
  const shapeId = shape.id
  const text = shapeText(shape)
  const isEditing = useValue('is editing label', () => editor.getEditingShapeId() === shapeId, [
    editor,
    shapeId,
  ])
  const input = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (!isEditing) return
    const element = input.current
    if (!element) return
    element.focus()
    element.select()
    // Entering the edit with a click or double-click: tldraw finishes handling that pointer after this
    // effect and takes focus back to its container, so focus again once it is done (tldraw's own
    // rich-text labels wait the same way). Selecting is left to the first focus: typing replaces all.
    const refocus = () => {
      if (editor.getEditingShapeId() === shapeId && document.activeElement !== element) element.focus()
    }
    const soon = editor.timers.setTimeout(refocus, 0)
    const later = editor.timers.setTimeout(refocus, 100)
    return () => {
      clearTimeout(soon)
      clearTimeout(later)
    }
  }, [editor, isEditing, shapeId])

  const classes = `flowmap-label flowmap-${shape.type}__label`
  if (!isEditing) {
    return (
      <div className={classes} data-empty={text.trim() === ''}>
        {text.trim() === '' ? placeholder : text}
      </div>
    )
  }
  return (
    <textarea
      ref={input}
      className={`${classes} flowmap-label__input`}
      aria-label={ariaLabel}
      defaultValue={text}
      placeholder={placeholder}
      // Every label a shape edits in place (labels, a decision's question) has this limit.
      maxLength={MAX_LABEL_CHARS}
      spellCheck
      onChange={(event) => {
        const element = event.currentTarget
        setShapeText(editor, shape, element.value)
        // Layout sizes ignore the canvas zoom transform, so this difference is in page units.
        const missing = element.scrollHeight - element.clientHeight
        if (onOverflow && missing > 0) onOverflow(missing)
      }}
      onKeyDown={(event) => {
        // Enter commits like in Miro's cards; Shift+Enter keeps a line break. Escape is tldraw's.
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
          event.preventDefault()
          editor.complete()
        }
      }}
      onPointerDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onContextMenu={(event) => event.stopPropagation()}
    />
  )
}
