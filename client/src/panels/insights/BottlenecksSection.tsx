import type { BottleneckInsights } from '@flowmap/shared'
import { BarChart } from './BarChart.tsx'

const TOP_BOTTLENECKS = 5

type BottlenecksSectionProps = {
  bottlenecks: BottleneckInsights
  onFocus(shapeIds: readonly string[]): void
}

/** The busiest shapes by connections in and out, and the one the most work waits on. */
export function BottlenecksSection({ bottlenecks, onFocus }: BottlenecksSectionProps) {
  return (
    <>
      <h3 className="flowmap-insights__heading">Bottlenecks</h3>
      {bottlenecks.busiest.length === 0 ? (
        <p className="flowmap-panel__empty">No steps or decisions yet.</p>
      ) : (
        <BarChart
          label="Busiest shapes by connections in and out"
          rows={bottlenecks.busiest.slice(0, TOP_BOTTLENECKS).map((load) => ({
            key: load.id,
            label: load.label.trim() || '(unnamed)',
            value: load.fanIn + load.fanOut,
            caption: `${load.fanIn} in · ${load.fanOut} out`,
            color: '#f59f00',
            onClick: () => onFocus([load.id]),
          }))}
        />
      )}
      {bottlenecks.blocking.length > 0 && (
        <p className="flowmap-panel__note">
          Blocks the most: <strong>{bottlenecks.blocking[0]!.label.trim() || '(unnamed)'}</strong> (
          {bottlenecks.blocking[0]!.blocks} depend on it)
        </p>
      )}
    </>
  )
}
