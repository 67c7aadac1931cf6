import type { LeadTimeSimulation, Role } from '@flowmap/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { TLRecord } from 'tldraw'
import { runSimulation, type SimulationAnswer, type SimulationRequest } from './run-simulation.ts'

export type SimulationInput = {
  records: readonly TLRecord[]
  roles: readonly Role[]
  cases: number
  seed: number
  /** Hours between case arrivals; absent = derived from the roles' capacity. */
  arrivalEveryHours?: number
}

export type SimulationState =
  | { phase: 'idle' }
  | { phase: 'running'; casesDone: number; cases: number }
  | { phase: 'done'; result: LeadTimeSimulation }
  | { phase: 'failed'; reason: string }

type Running = { cancel(): void; stop(): void }

/**
 * Runs the lead-time simulation in a Web Worker (simulation-worker.ts), with progress and Cancel.
 * Where there is no Worker (unit tests), or its script cannot load (offline before the service
 * worker cached it), the run happens on the page, in chunks that keep it responsive.
 */
export function useSimulation(): {
  state: SimulationState
  run(input: SimulationInput): void
  cancel(): void
} {
  const [state, setState] = useState<SimulationState>({ phase: 'idle' })
  const running = useRef<Running | null>(null)

  const run = useCallback((input: SimulationInput) => {
    running.current?.stop()
    setState({ phase: 'running', casesDone: 0, cases: input.cases })
    const request: SimulationRequest = { type: 'run', ...input }
    let current: Running | null = null
    const answer = (message: SimulationAnswer) => {
      if (running.current !== current) return
      if (message.type === 'progress')
        setState({ phase: 'running', casesDone: message.casesDone, cases: message.cases })
      else {
        setState(
          message.type === 'result'
            ? { phase: 'done', result: message.result }
            : message.type === 'failed'
              ? { phase: 'failed', reason: message.reason }
              : { phase: 'idle' },
        )
        current?.stop()
        running.current = null
      }
    }
    current = startWorker(request, answer) ?? startHere(request, answer)
    running.current = current
  }, [])

  const cancel = useCallback(() => running.current?.cancel(), [])
  useEffect(() => () => running.current?.stop(), [])
  return { state, run, cancel }
}

function startWorker(
  request: SimulationRequest,
  answer: (message: SimulationAnswer) => void,
): Running | null {
  if (typeof Worker === 'undefined') return null
  let worker: Worker
  try {
    worker = new Worker(new URL('./simulation-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null
  }
  let fallback: Running | null = null
  worker.onmessage = (event: MessageEvent<SimulationAnswer>) => answer(event.data)
  // The worker answers every run, errors included: an error event is its script failing to load.
  worker.onerror = (event) => {
    event.preventDefault()
    worker.terminate()
    fallback = startHere(request, answer)
  }
  worker.postMessage(request)
  return {
    cancel: () =>
      fallback ? fallback.cancel() : worker.postMessage({ type: 'cancel' } satisfies SimulationRequest),
    stop: () => {
      worker.terminate()
      fallback?.stop()
    },
  }
}

function startHere(request: SimulationRequest, answer: (message: SimulationAnswer) => void): Running {
  const controller = new AbortController()
  let stopped = false
  if (request.type === 'run')
    void runSimulation(request, controller.signal, (message) => {
      if (!stopped) answer(message)
    })
  return {
    cancel: () => controller.abort(),
    stop: () => {
      stopped = true
      controller.abort()
    },
  }
}
