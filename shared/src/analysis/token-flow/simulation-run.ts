import { EventQueue } from './event-queue.ts'
import type { FlowModel } from './flow-model.ts'
import { dependencyHolder, joinHolder, mergedGroups } from './flow-rules.ts'
import { seededRandom } from './seeded-random.ts'
import { sampleTime } from './triangular.ts'

/**
 * One Monte Carlo run: simulated cases flowing through the map as tokens, by the rules of
 * ./flow-rules.ts, in a discrete-event simulation.
 *
 * 1. Case k arrives at k × `arrivalEveryHours` with a token at each start.
 * 2. A token at a step draws its wait (triangular), then asks the owner role for a slot: a role with a
 *    capacity works on that many cases at once and queues the rest first come, first served. Holding
 *    a slot it draws its process time; when that is over it frees the slot and moves on.
 * 3. Decisions draw a branch by the branches' shares; other nodes with several outgoing flows split.
 * 4. After every event the case's held tokens (joins) and blocked ones (dependencies) are looked at
 *    again; a case with nothing scheduled and only held tokens lets them go (see flow-rules.ts).
 * 5. A case ends when no token of it is live: its lead time is its latest token end less its
 *    arrival. A case past MAX_CASE_VISITS node visits (rework that loops on) is cut and counted apart.
 *
 * With no role capacity anywhere cases cannot delay each other, so they run one after another (each
 * from time 0): the same lead times as overlapping them, far less to keep in the queue.
 */
export const MAX_CASE_VISITS = 10_000

/** Roles at most this busy on average when the arrival interval is derived (see defaultArrivalEveryHours). */
export const DEFAULT_TARGET_UTILISATION = 0.8

export type SimulationRunOptions = {
  /** How many cases to simulate. */
  cases: number
  /** The seed of the run's PRNG: the same seed, map and options give the same result. */
  seed: number
  /** Hours between case arrivals. @default defaultArrivalEveryHours(model) */
  arrivalEveryHours?: number
}

export type RoleUtilisation = {
  roleId: string
  /** Process hours the role worked over all cases. */
  busyHours: number
  /** Cases at once; null = unbounded (no queue forms). */
  capacity: number | null
  /** busyHours ÷ (capacity × the run's span), 0–1; null for an unbounded role. */
  utilisation: number | null
  /** Mean hours a step waited in the role's queue for a free slot. */
  meanQueueHours: number
}

export type SimulationRunResult = {
  /** Cases finished (including cut ones); fewer than requested when cancelled. */
  cases: number
  requestedCases: number
  cancelled: boolean
  seed: number
  arrivalEveryHours: number
  /** Lead times of the cases that ended, in hours, ascending (cut cases left out). */
  leadTimes: number[]
  /** Cases cut at MAX_CASE_VISITS node visits. */
  truncatedCases: number
  /** Hours from the first arrival to the last case's end. */
  spanHours: number
  utilisation: RoleUtilisation[]
}

/**
 * The arrival interval when none is given: the interval at which the busiest role with a capacity is
 * DEFAULT_TARGET_UTILISATION busy, counting every step it owns once per case at its most likely
 * process time (branches not taken make it less busy). 0 when no role has a capacity: cases then
 * cannot queue behind each other and arrival changes nothing.
 */
export function defaultArrivalEveryHours(model: FlowModel): number {
  const work = model.roles.map(() => 0)
  for (const node of model.nodes) if (node.role >= 0) work[node.role]! += node.process?.likely ?? 0
  let interval = 0
  for (const [index, role] of model.roles.entries())
    if (role.capacity !== null)
      interval = Math.max(interval, work[index]! / role.capacity / DEFAULT_TARGET_UTILISATION)
  return interval
}

export type SimulationRun = {
  /** Runs about `events` more events; answers whether every case is done. */
  advance(events: number): boolean
  readonly casesDone: number
  result(cancelled: boolean): SimulationRunResult
}

const HELD = 0
const BLOCKED = 1
const BUSY = 2

type SimToken = {
  node: number
  groups: number[]
  clock: number
  state: number
  alive: boolean
  /** Held or blocked: a token it waits for (while that one can still reach the join or the source). */
  holder: SimToken | null
  /** Blocked: the dependency source not done yet. */
  source: number
}

const newToken = (node: number, groups: number[], clock: number): SimToken => ({
  node,
  groups,
  clock,
  state: HELD,
  alive: true,
  holder: null,
  source: -1,
})

type SimCase = {
  arrival: number
  live: SimToken[]
  /** Tokens held at a join or blocked by a dependency, looked at again after each event. */
  waiting: SimToken[]
  doneAt: Map<number, number>
  visits: number
  /** Events scheduled and queue places held for this case. */
  pending: number
  endTime: number
  forks: number
  cut: boolean
}

const CASE_ARRIVES = 0
const WAIT_OVER = 1
const PROCESS_DONE = 2

type SimEvent = { time: number; kind: number; simCase: SimCase | null; token: SimToken | null }

export function createSimulationRun(model: FlowModel, options: SimulationRunOptions): SimulationRun {
  const { cases, seed } = options
  const arrivalEveryHours = options.arrivalEveryHours ?? defaultArrivalEveryHours(model)
  const random = seededRandom(seed)
  const queue = new EventQueue<SimEvent>()
  const roles = model.roles
  const busy = roles.map(() => 0)
  const busyHours = roles.map(() => 0)
  const queuedHours = roles.map(() => 0)
  const slotsTaken = roles.map(() => 0)
  const waiting: Array<Array<{ simCase: SimCase; token: SimToken; since: number }>> = roles.map(() => [])
  const sequential = !roles.some((role) => role.capacity !== null)
  const leadTimes: number[] = []
  let truncatedCases = 0
  let casesDone = 0
  let casesStarted = 0
  let spanHours = 0
  const arrivals: SimToken[] = []

  const schedule = (time: number, kind: number, simCase: SimCase | null, token: SimToken | null) => {
    if (simCase !== null) simCase.pending++
    queue.push({ time, kind, simCase, token })
  }

  function startCase(time: number) {
    const simCase: SimCase = {
      arrival: time,
      live: [],
      waiting: [],
      doneAt: new Map(),
      visits: 0,
      pending: 0,
      endTime: time,
      forks: 0,
      cut: false,
    }
    casesStarted++
    for (const node of model.starts) {
      const token = newToken(node, [], time)
      simCase.live.push(token)
      arrivals.push(token)
    }
    settle(simCase, time)
  }

  function endToken(simCase: SimCase, token: SimToken, time: number) {
    drop(simCase, token)
    if (time > simCase.endTime) simCase.endTime = time
  }

  function drop(simCase: SimCase, token: SimToken) {
    token.alive = false
    const at = simCase.live.indexOf(token)
    if (at >= 0) simCase.live.splice(at, 1)
  }

  function moveOn(simCase: SimCase, token: SimToken, edges: readonly number[], time: number) {
    if (edges.length === 0) return endToken(simCase, token, time)
    const groups = edges.length === 1 ? token.groups : [...token.groups, ++simCase.forks]
    for (const [k, edge] of edges.entries()) {
      const next = k === 0 ? token : newToken(0, groups, time)
      if (k > 0) simCase.live.push(next)
      next.groups = groups
      next.node = model.edges[edge]!.to
      next.clock = time
      next.state = HELD
      arrivals.push(next)
    }
  }

  /** A token reached its node at `time`: end, hold at a join, or merge and go on. */
  function arrive(simCase: SimCase, token: SimToken, time: number, release: boolean) {
    const node = model.nodes[token.node]!
    if (node.isEnd || (node.kind !== 'step' && node.out.length === 0)) {
      simCase.doneAt.set(token.node, time)
      return endToken(simCase, token, time)
    }
    if (node.inCount >= 2 && token.groups.length > 0) {
      const holder = release ? null : joinHolder(model, token, simCase.live)
      if (holder !== null) return wait(simCase, token, HELD, holder, -1)
      const root = token.groups[0]
      const merging = simCase.live.filter(
        (other) =>
          other === token ||
          // Held here, or reaching here in the same instant (state HELD until they arrive).
          (other.node === token.node && other.state === HELD && other.groups[0] === root),
      )
      if (merging.length > 1) {
        token.groups = mergedGroups(merging, simCase.live)
        for (const other of merging) if (other !== token) drop(simCase, other)
      }
    }
    token.clock = time
    if (!release && blockedBy(simCase, token)) return
    begin(simCase, token, time)
  }

  /** Whether a dependency of the token's node holds it (it then waits in the case's list). */
  function blockedBy(simCase: SimCase, token: SimToken): boolean {
    for (const source of model.nodes[token.node]!.dependsOn) {
      if (simCase.doneAt.has(source)) continue
      const holder = dependencyHolder(model, token, source, simCase.live)
      if (holder !== null) {
        wait(simCase, token, BLOCKED, holder, source)
        return true
      }
    }
    return false
  }

  function wait(simCase: SimCase, token: SimToken, state: number, holder: SimToken, source: number) {
    if (token.holder === null) simCase.waiting.push(token)
    token.state = state
    token.holder = holder
    token.source = source
  }

  /** Whether the token still waits: its holder can still reach where it waits for it, or another can. */
  function stillWaits(simCase: SimCase, token: SimToken): boolean {
    const holder = token.holder!
    if (token.state === BLOCKED) {
      if (simCase.doneAt.has(token.source) || !holder.alive || !model.canReach(holder.node, token.source))
        return blockedBy(simCase, token)
      return true
    }
    if (holder.alive && holder.node !== token.node && model.canReach(holder.node, token.node)) return true
    const next = joinHolder(model, token, simCase.live)
    if (next === null) return false
    token.holder = next
    return true
  }

  /** The token no longer waits: out of the case's waiting list. */
  function stopWaiting(simCase: SimCase, token: SimToken) {
    token.holder = null
    const at = simCase.waiting.indexOf(token)
    if (at >= 0) simCase.waiting.splice(at, 1)
  }

  function begin(simCase: SimCase, token: SimToken, time: number) {
    const node = model.nodes[token.node]!
    if (node.kind === 'step') {
      token.state = BUSY
      const wait = sampleTime(node.wait, random)
      if (wait > 0) schedule(time + wait, WAIT_OVER, simCase, token)
      else askForSlot(simCase, token, time, true)
      return
    }
    simCase.doneAt.set(token.node, time)
    if (node.kind === 'decision' && node.out.length >= 2)
      moveOn(simCase, token, [chooseBranch(node.out)], time)
    else moveOn(simCase, token, node.out, time)
  }

  function chooseBranch(out: readonly number[]): number {
    let u = random()
    for (const edge of out) {
      u -= model.edges[edge]!.probability
      if (u < 0) return edge
    }
    return out[out.length - 1]!
  }

  /** The step's wait is over: take a slot of its role, or queue for one while the role is at capacity. */
  function askForSlot(simCase: SimCase, token: SimToken, time: number, inline: boolean) {
    const role = model.nodes[token.node]!.role
    const capacity = role >= 0 ? roles[role]!.capacity : null
    if (capacity !== null && busy[role]! >= capacity) {
      simCase.pending++
      waiting[role]!.push({ simCase, token, since: time })
      return
    }
    takeSlot(simCase, token, time, time, inline)
  }

  /**
   * Works the step. A step of no process time is done at once when `inline` (its case is being
   * settled): most generated and many drawn steps have no estimate, and an event each would double
   * the run's work for nothing.
   */
  function takeSlot(simCase: SimCase, token: SimToken, since: number, time: number, inline: boolean) {
    const node = model.nodes[token.node]!
    const process = sampleTime(node.process, random)
    if (node.role >= 0) {
      busyHours[node.role]! += process
      queuedHours[node.role]! += time - since
      slotsTaken[node.role]!++
    }
    if (process === 0 && inline) return finishStep(simCase, token, time)
    if (node.role >= 0) busy[node.role]!++
    schedule(time + process, PROCESS_DONE, simCase, token)
  }

  function finishStep(simCase: SimCase, token: SimToken, time: number) {
    simCase.doneAt.set(token.node, time)
    moveOn(simCase, token, model.nodes[token.node]!.out, time)
  }

  function cut(simCase: SimCase) {
    simCase.cut = true
    for (const token of simCase.live) token.alive = false
    simCase.live = []
    arrivals.length = 0
  }

  /** Drains new arrivals, then looks at held and blocked tokens again until nothing changes. */
  function settle(simCase: SimCase, time: number) {
    for (;;) {
      for (let next = 0; next < arrivals.length && !simCase.cut; next++) {
        const token = arrivals[next]!
        if (!token.alive) continue
        if (++simCase.visits > MAX_CASE_VISITS) cut(simCase)
        else arrive(simCase, token, time, false)
      }
      arrivals.length = 0
      if (simCase.cut) break
      let progressed = false
      for (let i = 0; i < simCase.waiting.length && arrivals.length === 0; i++) {
        const token = simCase.waiting[i]!
        if (token.alive && stillWaits(simCase, token)) continue
        stopWaiting(simCase, token)
        i--
        if (!token.alive) continue
        progressed = true
        if (token.state === HELD) arrive(simCase, token, time, false)
        else begin(simCase, token, time)
      }
      if (arrivals.length > 0 || progressed) continue
      if (simCase.live.length === 0 || simCase.pending > 0) break
      // Everything live is held: let the tokens at joins go on, else the blocked ones.
      const waiting = simCase.waiting.filter((token) => token.alive)
      const held = waiting.filter((token) => token.state === HELD)
      for (const token of held.length > 0 ? held : waiting) {
        stopWaiting(simCase, token)
        if (!token.alive) continue
        if (token.state === HELD) arrive(simCase, token, time, true)
        else begin(simCase, token, time)
      }
      simCase.waiting = simCase.waiting.filter((token) => token.alive && token.holder !== null)
    }
    if (simCase.live.length === 0 && (simCase.pending === 0 || simCase.cut) && !finished.has(simCase)) {
      finished.add(simCase)
      casesDone++
      if (simCase.cut) truncatedCases++
      else leadTimes.push(simCase.endTime - simCase.arrival)
      spanHours = Math.max(spanHours, simCase.cut ? time : simCase.endTime)
    }
  }
  const finished = new WeakSet<SimCase>()

  function handle(event: SimEvent) {
    const { time, simCase, token } = event
    if (event.kind === CASE_ARRIVES) {
      startCase(time)
      if (casesStarted < cases) schedule(time + arrivalEveryHours, CASE_ARRIVES, null, null)
      return
    }
    simCase!.pending--
    const node = model.nodes[token!.node]!
    if (event.kind === WAIT_OVER) {
      if (simCase!.cut) return
      askForSlot(simCase!, token!, time, true)
      settle(simCase!, time)
      return
    }
    if (node.role >= 0) {
      busy[node.role]!--
      const line = waiting[node.role]!
      while (line.length > 0) {
        const next = line.shift()!
        next.simCase.pending--
        if (next.simCase.cut) continue
        takeSlot(next.simCase, next.token, next.since, time, false)
        break
      }
    }
    if (simCase!.cut) return
    finishStep(simCase!, token!, time)
    settle(simCase!, time)
  }

  return {
    get casesDone() {
      return casesDone
    },
    advance(events: number) {
      for (let budget = events; budget > 0 && casesDone < cases; budget--) {
        if (queue.size === 0) {
          if (!sequential && casesStarted === 0) schedule(0, CASE_ARRIVES, null, null)
          else if (sequential && casesStarted < cases) startCase(0)
          else return true // nothing left to run (every case settles before its queue runs dry)
          continue
        }
        handle(queue.pop()!)
      }
      return casesDone >= cases
    },
    result(cancelled: boolean): SimulationRunResult {
      const sorted = [...leadTimes].sort((a, b) => a - b)
      return {
        cases: casesDone,
        requestedCases: cases,
        cancelled,
        seed,
        arrivalEveryHours,
        leadTimes: sorted,
        truncatedCases,
        spanHours,
        utilisation: roles.map((role, index) => ({
          roleId: role.roleId,
          busyHours: busyHours[index]!,
          capacity: role.capacity,
          utilisation:
            role.capacity === null
              ? null
              : spanHours > 0
                ? busyHours[index]! / (role.capacity * spanHours)
                : 0,
          meanQueueHours: slotsTaken[index]! > 0 ? queuedHours[index]! / slotsTaken[index]! : 0,
        })),
      }
    },
  }
}
