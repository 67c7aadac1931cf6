import type { CriticalPath } from '@flowmap/shared'

type CriticalPathSectionProps = {
  path: CriticalPath
  highlighted: boolean
  onToggleHighlight(): void
}

/**
 * The longest chain of work to an end in estimated hours, dependencies included, with a switch to draw
 * it on the canvas.
 */
export function CriticalPathSection({ path, highlighted, onToggleHighlight }: CriticalPathSectionProps) {
  return (
    <>
      <h3 className="flowmap-insights__heading">Critical path</h3>
      {path.nodeIds.length > 0 ? (
        <div className="flowmap-insights__path" data-testid="critical-path">
          <p className="flowmap-insights__big">
            <span data-testid="critical-path-hours">{path.hours}</span> h
            <span className="flowmap-insights__sub">
              {' '}
              through {path.nodeIds.length} shapes
              {path.unestimatedStepIds.length > 0 && `, ${path.unestimatedStepIds.length} without estimate`}
            </span>
          </p>
          <button
            type="button"
            className="flowmap-button"
            aria-pressed={highlighted}
            data-testid="critical-path-toggle"
            onClick={onToggleHighlight}
          >
            {highlighted ? 'Hide on canvas' : 'Highlight on canvas'}
          </button>
        </div>
      ) : (
        <p className="flowmap-panel__empty">No path from a start to an end yet.</p>
      )}
    </>
  )
}
