export type DonutSlice = { key: string; label: string; value: number; color: string }

const RADIUS = 15.9155 // a circumference of 100, so a slice's dash length is its percentage

/** A ring split by share, with a legend: the automation mix of the steps. */
export function DonutChart({
  slices,
  label,
  center,
}: {
  slices: readonly DonutSlice[]
  label: string
  center: string
}) {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0)
  let offset = 0
  return (
    <figure className="flowmap-donut" aria-label={label}>
      <svg viewBox="0 0 42 42" width="96" height="96" role="img" aria-label={label}>
        <circle cx="21" cy="21" r={RADIUS} fill="none" stroke="#eef0f5" strokeWidth="6" />
        {total > 0 &&
          slices.map((slice) => {
            const share = (slice.value / total) * 100
            const dash = (
              <circle
                key={slice.key}
                cx="21"
                cy="21"
                r={RADIUS}
                fill="none"
                stroke={slice.color}
                strokeWidth="6"
                strokeDasharray={`${share} ${100 - share}`}
                strokeDashoffset={25 - offset}
              />
            )
            offset += share
            return share > 0 ? dash : null
          })}
        <text x="21" y="23.5" textAnchor="middle" className="flowmap-donut__center">
          {center}
        </text>
      </svg>
      <figcaption>
        <ul className="flowmap-donut__legend">
          {slices.map((slice) => (
            <li key={slice.key}>
              <span
                className="flowmap-donut__swatch"
                style={{ background: slice.color }}
                aria-hidden="true"
              />
              {slice.label}
              <span className="flowmap-donut__value">
                {slice.value} · {total === 0 ? 0 : Math.round((slice.value / total) * 100)}%
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
