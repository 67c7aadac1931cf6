import { type ComponentProps, lazy, Suspense } from 'react'
import type { InsightsPanel as InsightsPanelComponent } from '../panels/insights/InsightsPanel.tsx'
import type { ReplayMode as ReplayModeComponent } from '../replay/ReplayMode.tsx'
import { loadInsightsPanel, loadReplayMode } from './lazy-parts.ts'

const InsightsPanelPart = lazy(() => loadInsightsPanel().then((part) => ({ default: part.InsightsPanel })))
const ReplayModePart = lazy(() => loadReplayMode().then((part) => ({ default: part.ReplayMode })))

/** The Insights panel, from its own chunk; a line saying so while the chunk loads. */
export function LazyInsightsPanel(props: ComponentProps<typeof InsightsPanelComponent>) {
  return (
    <Suspense
      fallback={
        <p role="status" className="flowmap-lazy-loading">
          Loading insights…
        </p>
      }
    >
      <InsightsPanelPart {...props} />
    </Suspense>
  )
}

/** Replay mode, from its own chunk; a line over the page while the chunk loads. */
export function LazyReplayMode(props: ComponentProps<typeof ReplayModeComponent>) {
  return (
    <Suspense
      fallback={
        <p role="status" className="flowmap-lazy-loading flowmap-lazy-loading--over">
          Opening replay…
        </p>
      }
    >
      <ReplayModePart {...props} />
    </Suspense>
  )
}
