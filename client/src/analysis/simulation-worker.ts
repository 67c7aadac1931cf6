/**
 * Runs the Monte Carlo lead-time simulation off the page's thread: ten thousand cases through a big
 * map take seconds. One worker per run: it answers progress while it runs, then the result (also
 * after a cancel, with the cases done so far), and is ended by the page.
 */
import { runSimulation, type SimulationAnswer, type SimulationRequest } from './run-simulation.ts'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null
  postMessage(answer: SimulationAnswer): void
}

const controller = new AbortController()

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'cancel') controller.abort()
  else void runSimulation(request, controller.signal, (answer) => scope.postMessage(answer))
}
