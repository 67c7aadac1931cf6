import type { HistogramBin } from '@flowmap/shared'

export type HistogramMarker = { key: string; label: string; value: number }

type HistogramProps = {
  bins: readonly HistogramBin[]
  markers: readonly HistogramMarker[]
  /** What the bars count, for screen readers and the bars' titles ("cases"). */
  unit: string
  format(value: number): string
  label: string
}

const WIDTH = 300
const HEIGHT = 110
const PLOT = 80

/** Vertical bars over a value range with labelled marker lines (percentiles), sized for a side panel. */
export function Histogram({ bins, markers, unit, format, label }: HistogramProps) {
  if (bins.length === 0) return null
  const from = bins[0]!.from
  const to = bins[bins.length - 1]!.to
  const span = to - from
  const x = (value: number) => (span === 0 ? WIDTH / 2 : ((value - from) / span) * WIDTH)
  const tallest = Math.max(1, ...bins.map((bin) => bin.count))
  const barWidth = span === 0 ? WIDTH / 6 : WIDTH / bins.length
  return (
    <svg
      className="flowmap-histogram"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="simulation-histogram"
    >
      {bins.map((bin) => {
        const height = (bin.count / tallest) * PLOT
        const left = span === 0 ? x(from) - barWidth / 2 : x(bin.from)
        return (
          <rect
            key={bin.from}
            data-testid="histogram-bar"
            className="flowmap-histogram__bar"
            x={left + 0.5}
            y={PLOT - height + 4}
            width={Math.max(0.5, barWidth - 1)}
            height={height}
          >
            <title>{`${format(bin.from)} – ${format(bin.to)}: ${bin.count} ${unit}`}</title>
          </rect>
        )
      })}
      {markers.map((marker, k) => (
        <g
          key={marker.key}
          data-testid={`histogram-marker-${marker.key}`}
          className="flowmap-histogram__marker"
        >
          <line x1={x(marker.value)} x2={x(marker.value)} y1={2} y2={PLOT + 4} />
          <text x={x(marker.value) + 2} y={10 + k * 10}>
            {marker.label}
          </text>
        </g>
      ))}
      <text className="flowmap-histogram__axis" x={0} y={HEIGHT - 6}>
        {format(from)}
      </text>
      <text className="flowmap-histogram__axis" x={WIDTH} y={HEIGHT - 6} textAnchor="end">
        {format(to)}
      </text>
    </svg>
  )
}
