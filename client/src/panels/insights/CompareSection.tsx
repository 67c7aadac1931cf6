import { compareInsights, type MetricComparison } from '@flowmap/shared'
import { useRef, useState } from 'react'
import { SelectField } from '../panel-fields.tsx'
import type { CompareLoader, CompareSource } from './compare-sources.ts'
import { hoursFigure, percentFigure, shareFigure, UNKNOWN_FIGURE } from './insight-figures.ts'

type CompareState =
  | { state: 'closed' }
  | { state: 'listing' }
  | { state: 'failed'; reason: string }
  | { state: 'ready'; sources: CompareSource[] }

type Result =
  | { state: 'none' }
  | { state: 'comparing' }
  | { state: 'failed'; reason: string }
  | { state: 'done'; rows: MetricComparison[]; before: string; after: string }

function figure(unit: MetricComparison['unit'], value: number | null): string {
  if (value === null) return UNKNOWN_FIGURE
  switch (unit) {
    case 'hours':
      return hoursFigure(value)
    case 'percent':
      return percentFigure(value)
    case 'ratio':
      return shareFigure(value)
    case 'count':
      return String(value)
  }
}

const sourceOptions = (sources: readonly CompareSource[]) =>
  sources.map((source) => ({ value: source.key, label: source.label }))

/** A difference with its sign: "+2h", "−3%", "0". */
function difference(row: MetricComparison): string {
  if (row.delta === null) return UNKNOWN_FIGURE
  if (row.delta === 0) return '0'
  const size = figure(row.unit, Math.abs(row.delta))
  return row.delta > 0 ? `+${size}` : `−${size}`
}

/**
 * As-is against to-be: two moments of this board (its named versions, or now) or this board against
 * another, each analysed as the live board is, side by side with the difference. Nothing is loaded
 * until the section is opened: the list of versions on opening, the history on the first comparison.
 */
export function CompareSection({ loader }: { loader: CompareLoader | null }) {
  const [list, setList] = useState<CompareState>({ state: 'closed' })
  const [beforeKey, setBeforeKey] = useState('')
  const [afterKey, setAfterKey] = useState('')
  const [result, setResult] = useState<Result>({ state: 'none' })

  // Listed once per opening of the panel; a failed listing is tried again on the next opening.
  const listing = useRef(false)
  const open = () => {
    if (loader === null || listing.current) return
    listing.current = true
    setList({ state: 'listing' })
    void loader.sources().then((sources) => {
      if (!sources.ok) {
        listing.current = false
        setList({ state: 'failed', reason: sources.reason })
        return
      }
      setList({ state: 'ready', sources: sources.value })
      // As-is: the first named version; to-be: the board now (what a redesign is checked against).
      const firstVersion = sources.value.find((source) => source.kind === 'version')
      setBeforeKey((firstVersion ?? sources.value[0])?.key ?? '')
      setAfterKey(sources.value.find((source) => source.kind === 'now')?.key ?? '')
    })
  }

  const compare = async (sources: readonly CompareSource[]) => {
    const before = sources.find((source) => source.key === beforeKey)
    const after = sources.find((source) => source.key === afterKey)
    if (loader === null || before === undefined || after === undefined) return
    setResult({ state: 'comparing' })
    const [asIs, toBe] = await Promise.all([loader.insightsOf(before), loader.insightsOf(after)])
    for (const [source, read] of [
      [before, asIs],
      [after, toBe],
    ] as const) {
      if (!read.ok) {
        setResult({ state: 'failed', reason: `${source.label} could not be read: ${read.reason}` })
        return
      }
    }
    if (!asIs.ok || !toBe.ok) return
    setResult({
      state: 'done',
      rows: compareInsights(asIs.value, toBe.value),
      before: before.label,
      after: after.label,
    })
  }

  return (
    <details
      className="flowmap-compare"
      data-testid="compare"
      onToggle={(event) => {
        if (event.currentTarget.open) open()
      }}
    >
      <summary className="flowmap-insights__heading">As-is vs to-be</summary>
      {loader === null && (
        <p className="flowmap-panel__empty">Comparing needs the board to be on the server.</p>
      )}
      {list.state === 'listing' && <p className="flowmap-panel__empty">Loading the named versions…</p>}
      {list.state === 'failed' && <p className="flowmap-panel__empty">{list.reason}</p>}
      {list.state === 'ready' && (
        <div className="flowmap-compare__form">
          <SelectField
            label="As-is"
            testId="compare-before"
            options={sourceOptions(list.sources)}
            value={beforeKey}
            onChange={setBeforeKey}
          />
          <SelectField
            label="To-be"
            testId="compare-after"
            options={sourceOptions(list.sources)}
            value={afterKey}
            onChange={setAfterKey}
          />
          <button
            type="button"
            className="flowmap-button"
            data-testid="compare-run"
            disabled={result.state === 'comparing' || beforeKey === '' || afterKey === ''}
            onClick={() => void compare(list.sources)}
          >
            {result.state === 'comparing' ? 'Comparing…' : 'Compare'}
          </button>
          {!list.sources.some((source) => source.kind === 'version') && (
            <p className="flowmap-panel__note">
              Name a version in Replay to compare the board with how it was then.
            </p>
          )}
        </div>
      )}
      {result.state === 'failed' && <p className="flowmap-panel__empty">{result.reason}</p>}
      {result.state === 'done' && <ComparisonTable {...result} />}
    </details>
  )
}

function ComparisonTable({
  rows,
  before,
  after,
}: {
  rows: MetricComparison[]
  before: string
  after: string
}) {
  return (
    <table className="flowmap-compare__table" data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col" title={before}>
            As-is
          </th>
          <th scope="col" title={after}>
            To-be
          </th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.metric} data-testid={`compare-${row.metric}`} data-better={row.better ?? undefined}>
            <th scope="row">{row.label}</th>
            <td data-testid="compare-value-before">{figure(row.unit, row.before)}</td>
            <td data-testid="compare-value-after">{figure(row.unit, row.after)}</td>
            <td data-testid="compare-delta" className="flowmap-compare__delta">
              {difference(row)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
