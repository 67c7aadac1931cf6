export type BarRow = {
  key: string
  label: string
  value: number
  /** Shown after the bar instead of the value, e.g. "3 (1 uninformed)". */
  caption?: string
  color?: string
  /** A second, darker part of the bar drawn from the left: e.g. the uninformed share of handoffs. */
  highlight?: number
  flagged?: boolean
  onClick?: () => void
}

/** Horizontal bars, one per row, scaled to the largest value: small enough for a side panel. */
export function BarChart({ rows, label }: { rows: readonly BarRow[]; label: string }) {
  const max = Math.max(1, ...rows.map((row) => row.value))
  return (
    <ul className="flowmap-bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className="flowmap-bars__row" data-flagged={row.flagged ?? false}>
          <button
            type="button"
            className="flowmap-bars__label"
            title={row.label}
            disabled={row.onClick === undefined}
            onClick={row.onClick}
          >
            {row.label}
          </button>
          <svg
            className="flowmap-bars__bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            <rect x="0" y="1" width="100" height="8" rx="2" fill="#eef0f5" />
            <rect
              x="0"
              y="1"
              width={(row.value / max) * 100}
              height="8"
              rx="2"
              fill={row.color ?? '#4263eb'}
            />
            {row.highlight !== undefined && row.highlight > 0 && (
              <rect x="0" y="1" width={(row.highlight / max) * 100} height="8" rx="2" fill="#e03131" />
            )}
          </svg>
          <span className="flowmap-bars__value">{row.caption ?? row.value}</span>
        </li>
      ))}
    </ul>
  )
}
