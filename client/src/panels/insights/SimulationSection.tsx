import { type LeadTimeSimulation, MAX_CASE_VISITS, type Role } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import { useSimulation } from '../../analysis/use-simulation.ts'
import type { BoardModel } from '../../sync/board-model.ts'
import { Histogram } from './Histogram.tsx'

/** Cases a person may ask for: enough for stable percentiles, few enough for a page. */
const MIN_CASES = 100
const MAX_CASES = 100_000
const DEFAULT_CASES = 1000

const hours = (value: number) => `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} h`

/**
 * Monte Carlo lead time: N simulated cases through the map (branch probabilities, time ranges as
 * triangles, role capacity), run in a worker on request, as a histogram with p50/p85/p95 and
 * utilisation per role. Runs on the map as it is when Run is pressed.
 */
export function SimulationSection({ model }: { model: BoardModel | null }) {
  const { state, run, cancel } = useSimulation()
  const [cases, setCases] = useState(String(DEFAULT_CASES))
  const [seed, setSeed] = useState('1')
  const [arrival, setArrival] = useState('')
  const [roles, setRoles] = useState<readonly Role[]>([])
  const [changedSinceRun, setChangedSinceRun] = useState(false)
  // A result is of the map as it was at Run: say so once anyone edits it.
  useEffect(() => {
    if (model === null || state.phase !== 'done') return
    const changed = () => setChangedSinceRun(true)
    const stops = [model.records.subscribe(changed), model.roles.subscribe(changed)]
    return () => {
      for (const stop of stops) stop()
    }
  }, [model, state.phase])
  const caseCount = Math.round(Number(cases))
  const seedValue = Math.round(Number(seed))
  const arrivalValue = arrival.trim() === '' ? undefined : Number(arrival)
  const valid =
    Number.isFinite(caseCount) &&
    caseCount >= MIN_CASES &&
    caseCount <= MAX_CASES &&
    Number.isFinite(seedValue) &&
    (arrivalValue === undefined || (Number.isFinite(arrivalValue) && arrivalValue >= 0))

  const start = () => {
    if (model === null || !valid) return
    const records = model.records.get()
    const boardRoles = model.roles.get()
    setRoles(boardRoles)
    setChangedSinceRun(false)
    run({
      records,
      roles: boardRoles,
      cases: caseCount,
      seed: seedValue,
      ...(arrivalValue === undefined ? {} : { arrivalEveryHours: arrivalValue }),
    })
  }

  return (
    <div className="flowmap-simulation" data-testid="simulation">
      <h3 className="flowmap-insights__heading">Monte Carlo lead time</h3>
      <div className="flowmap-simulation__inputs">
        <label className="flowmap-simulation__input">
          Cases
          <input
            className="flowmap-input"
            type="number"
            min={MIN_CASES}
            max={MAX_CASES}
            step={100}
            value={cases}
            data-testid="simulation-cases"
            onChange={(event) => setCases(event.target.value)}
          />
        </label>
        <label className="flowmap-simulation__input">
          Seed
          <input
            className="flowmap-input"
            type="number"
            value={seed}
            data-testid="simulation-seed"
            onChange={(event) => setSeed(event.target.value)}
          />
        </label>
        <label
          className="flowmap-simulation__input"
          title="Hours between cases; empty: derived from role capacity"
        >
          Arrive every (h)
          <input
            className="flowmap-input"
            type="number"
            min={0}
            placeholder="auto"
            value={arrival}
            data-testid="simulation-arrival"
            onChange={(event) => setArrival(event.target.value)}
          />
        </label>
      </div>
      {state.phase === 'running' ? (
        <div className="flowmap-simulation__progress">
          <progress value={state.casesDone} max={state.cases} data-testid="simulation-progress" />
          <span>
            {state.casesDone.toLocaleString('en')} / {state.cases.toLocaleString('en')} cases
          </span>
          <button type="button" className="flowmap-button" data-testid="simulation-cancel" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="flowmap-button"
          disabled={model === null || !valid}
          data-testid="simulation-run"
          onClick={start}
        >
          Run simulation
        </button>
      )}
      {!valid && (
        <p className="flowmap-panel__empty">
          Cases from {MIN_CASES.toLocaleString('en')} to {MAX_CASES.toLocaleString('en')}, a whole-number
          seed, and an arrival interval of 0 h or more.
        </p>
      )}
      {state.phase === 'failed' && <p className="flowmap-insights__findings">{state.reason}</p>}
      {state.phase === 'done' && changedSinceRun && (
        <p className="flowmap-insights__sub" data-testid="simulation-stale">
          The map changed since this run: run again to see its effect.
        </p>
      )}
      {state.phase === 'done' && <SimulationResult result={state.result} roles={roles} />}
    </div>
  )
}

function SimulationResult({ result, roles }: { result: LeadTimeSimulation; roles: readonly Role[] }) {
  const nameOf = (roleId: string) => roles.find((role) => role.id === roleId)?.name ?? roleId
  const visits = MAX_CASE_VISITS.toLocaleString('en')
  if (result.p50 === null || result.p85 === null || result.p95 === null || result.mean === null) {
    return (
      <p className="flowmap-panel__empty" data-testid="simulation-empty">
        {result.truncatedCases > 0
          ? `Every case looped past ${visits} steps: give the rework loop's way out a probability.`
          : 'No case ran: the map needs a start.'}
      </p>
    )
  }
  const percentiles = [
    { key: 'p50', label: 'p50', value: result.p50 },
    { key: 'p85', label: 'p85', value: result.p85 },
    { key: 'p95', label: 'p95', value: result.p95 },
  ]
  return (
    <div className="flowmap-simulation__result" data-testid="simulation-result">
      <dl className="flowmap-simulation__figures">
        {percentiles.map((p) => (
          <div key={p.key}>
            <dt>{p.label}</dt>
            <dd data-testid={`simulation-${p.key}`}>{hours(p.value)}</dd>
          </div>
        ))}
        <div>
          <dt>mean</dt>
          <dd data-testid="simulation-mean">{hours(result.mean)}</dd>
        </div>
      </dl>
      <Histogram
        bins={result.histogram}
        markers={percentiles}
        unit="cases"
        format={hours}
        label={`Lead time of ${result.cases} simulated cases: p50 ${hours(result.p50)}, p85 ${hours(result.p85)}, p95 ${hours(result.p95)}`}
      />
      <p className="flowmap-insights__sub" data-testid="simulation-note">
        {noteOf(result, visits)}
      </p>
      {result.utilisation.length > 0 && (
        <table className="flowmap-simulation__roles" data-testid="simulation-utilisation">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Busy per case</th>
              <th scope="col">Capacity</th>
              <th scope="col">Utilisation</th>
              <th scope="col">Mean queue</th>
            </tr>
          </thead>
          <tbody>
            {result.utilisation.map((row) => (
              <tr
                key={row.roleId}
                data-testid="simulation-role"
                data-flagged={(row.utilisation ?? 0) >= 0.85}
              >
                <th scope="row">{nameOf(row.roleId)}</th>
                <td>{hours(row.busyHours / Math.max(1, result.cases))}</td>
                <td>{row.capacity ?? '—'}</td>
                <td>{row.utilisation === null ? 'unbounded' : `${Math.round(row.utilisation * 100)} %`}</td>
                <td>{hours(row.meanQueueHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

function noteOf(result: LeadTimeSimulation, visits: string): string {
  const count = (n: number) => n.toLocaleString('en')
  const parts = [
    result.cancelled
      ? `Cancelled after ${count(result.cases)} of ${count(result.requestedCases)} cases, seed ${result.seed}`
      : `${count(result.cases)} cases, seed ${result.seed}`,
  ]
  if (result.arrivalEveryHours > 0) parts.push(`one every ${hours(result.arrivalEveryHours)}`)
  if (result.truncatedCases > 0)
    parts.push(`${count(result.truncatedCases)} looped past ${visits} steps and are left out`)
  return `${parts.join(', ')}.`
}
