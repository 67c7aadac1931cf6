import { type ReactNode, type Ref, useId } from 'react'

type PanelSectionProps = {
  title: ReactNode
  testId: string
  /** The panel's own class, beside the `flowmap-panel` every panel has. */
  className?: string
  /** A fixed id for the heading, where something outside the panel scrolls to it; unique otherwise. */
  titleId?: string
  ref?: Ref<HTMLElement>
  children: ReactNode
}

/** One side panel: a section named by its heading, so a screen reader announces which panel it is in. */
export function PanelSection({ title, testId, className, titleId, ref, children }: PanelSectionProps) {
  const generatedId = useId()
  const headingId = titleId ?? generatedId
  return (
    <section
      ref={ref}
      className={className ? `flowmap-panel ${className}` : 'flowmap-panel'}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <h2 className="flowmap-panel__title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  )
}
