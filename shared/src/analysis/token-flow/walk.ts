import type { FlowModel } from './flow-model.ts'
import { type FlowToken, joinHolds, mergedGroups, unmetDependencies } from './flow-rules.ts'

/**
 * A facilitator's walk-through: tokens stepped through the map one node at a time, choosing branches
 * by hand, with the flow rules of ./flow-rules.ts and each step's most likely wait and process time.
 * Pure and immutable: every move answers a new state, so undo is keeping the previous one.
 */
export type WalkToken = {
  id: string
  nodeId: string
  /** Hours elapsed when it reached nodeId (for a done token at a step: when it finished the step). */
  clock: number
  status: 'ready' | 'choosing' | 'waiting-join' | 'blocked' | 'done'
  /** The fork groups the token belongs to, outermost first; absent = none. */
  forkGroups?: readonly string[]
}

export type WalkState = {
  tokens: WalkToken[]
  /** Nodes reached, each once, in the order first reached. */
  visitedNodeIds: string[]
  /** Sequence connectors taken, each once, in the order first taken. */
  takenEdgeIds: string[]
  /** The latest clock of any token. */
  elapsed: number
  /** No token is left that can move. */
  finished: boolean
  /** For each blocked token, the nodes it waits on (dependency sources not done yet). */
  blockedBy: Record<string, string[]>
  /** When each node was last done, in walk hours (dependencies read it); absent = none yet. */
  doneAt?: Readonly<Record<string, number>>
  /** Token and fork ids handed out so far, so a new one never repeats an old one; absent = 0. */
  issued?: number
}

export type WalkChoice = { edgeId: string; label: string; probability: number }

/** Tokens at every start of the map, or at `startNodeId` alone when it is a node of the map. */
export function startWalk(model: FlowModel, startNodeId?: string): WalkState {
  const chosen = startNodeId === undefined ? undefined : model.indexOf.get(startNodeId)
  const starts = chosen === undefined ? model.starts : [chosen]
  const work: Work = {
    tokens: starts.map((node, k) => ({ id: `t${k + 1}`, node, clock: 0, status: 'arrived', groups: [] })),
    visited: starts.map((node) => model.nodes[node]!.id),
    taken: [],
    doneAt: {},
    issued: starts.length,
  }
  return settled(model, work)
}

/**
 * Moves one token on by one node: a ready token finishes its node (wait and process time at a step)
 * and goes along the outgoing sequence flow, splitting when there are several; a token at a
 * decision (status 'choosing') goes along `edgeId`, one of `choicesOf()`. Answers `state` itself,
 * unchanged, when the token cannot move (not ready or choosing, or no such branch).
 */
export function stepToken(model: FlowModel, state: WalkState, tokenId: string, edgeId?: string): WalkState {
  const work = workOf(model, state)
  const token = work.tokens.find((candidate) => candidate.id === tokenId)
  if (token === undefined) return state
  const node = model.nodes[token.node]!
  if (token.status === 'choosing') {
    const edge = edgeId === undefined ? undefined : model.edgeIndexOf.get(edgeId)
    if (edge === undefined || !node.out.includes(edge)) return state
    work.doneAt[node.id] = token.clock
    moveAlong(model, work, token, edge)
    return settled(model, work)
  }
  if (token.status !== 'ready') return state
  const finish = token.clock + (node.wait?.likely ?? 0) + (node.process?.likely ?? 0)
  work.doneAt[node.id] = finish
  token.clock = finish
  if (node.out.length === 0) token.status = 'done'
  else if (node.out.length === 1 || node.kind === 'decision') moveAlong(model, work, token, node.out[0]!)
  else {
    const fork = `f${++work.issued}`
    const groups = [...token.groups, fork]
    for (const [k, edge] of node.out.entries()) {
      const branch: WorkToken =
        k === 0
          ? token
          : { id: `t${++work.issued}`, node: token.node, clock: finish, status: 'arrived', groups }
      branch.groups = groups
      if (k > 0) work.tokens.push(branch)
      moveAlong(model, work, branch, edge)
    }
  }
  return settled(model, work)
}

/** The branches a token at a decision can take, with their probabilities; [] for any other token. */
export function choicesOf(model: FlowModel, state: WalkState, tokenId: string): WalkChoice[] {
  const token = state.tokens.find((candidate) => candidate.id === tokenId)
  if (token?.status !== 'choosing') return []
  const node = model.indexOf.get(token.nodeId)
  if (node === undefined) return []
  return model.nodes[node]!.out.map((edge) => {
    const { id, label, probability } = model.edges[edge]!
    return { edgeId: id, label, probability }
  })
}

type WorkToken = FlowToken<string> & {
  id: string
  node: number
  clock: number
  /** 'arrived': just reached its node, its status not yet worked out. */
  status: WalkToken['status'] | 'arrived'
  groups: readonly string[]
}

type Work = {
  tokens: WorkToken[]
  visited: string[]
  taken: string[]
  doneAt: Record<string, number>
  issued: number
  blockedBy?: Record<string, string[]>
}

function workOf(model: FlowModel, state: WalkState): Work {
  return {
    tokens: state.tokens.flatMap((token) => {
      const node = model.indexOf.get(token.nodeId)
      if (node === undefined) return []
      const { id, clock, status } = token
      return [{ id, node, clock, status, groups: token.forkGroups ?? [] }]
    }),
    visited: [...state.visitedNodeIds],
    taken: [...state.takenEdgeIds],
    doneAt: { ...state.doneAt },
    issued: Math.max(state.issued ?? 0, state.tokens.length),
  }
}

function moveAlong(model: FlowModel, work: Work, token: WorkToken, edgeIndex: number) {
  const edge = model.edges[edgeIndex]!
  if (!work.taken.includes(edge.id)) work.taken.push(edge.id)
  const target = model.nodes[edge.to]!
  if (!work.visited.includes(target.id)) work.visited.push(target.id)
  token.node = edge.to
  token.status = 'arrived'
}

/**
 * Works out every token's status after a move: tokens that arrived, tokens held at joins and blocked
 * ones are looked at again until nothing changes, merging at joins; when all live tokens are held,
 * the held ones are let go (see flow-rules.ts).
 */
function settled(model: FlowModel, work: Work): WalkState {
  const blockedBy: Record<string, string[]> = {}
  for (let changed = true; changed; ) {
    changed = false
    for (const token of [...work.tokens]) {
      if (!work.tokens.includes(token)) continue
      const before = token.status
      if (token.status === 'arrived' || token.status === 'waiting-join')
        settleArrival(model, work, token, false)
      else if (token.status === 'blocked') settleDependencies(model, work, token, false)
      if (token.status !== before || !work.tokens.includes(token)) changed = true
    }
    const live = work.tokens.filter((token) => token.status !== 'done')
    if (
      !changed &&
      live.length > 0 &&
      live.every((t) => t.status === 'waiting-join' || t.status === 'blocked')
    ) {
      const held = live.filter((token) => token.status === 'waiting-join')
      if (held.length > 0) {
        for (const token of held) if (work.tokens.includes(token)) settleArrival(model, work, token, true)
      } else for (const token of live) settleDependencies(model, work, token, true)
      changed = true
    }
  }
  for (const token of work.tokens) {
    if (token.status !== 'blocked') continue
    const live = work.tokens.filter((other) => other.status !== 'done')
    const unmet = unmetDependencies(model, token, (n) => work.doneAt[model.nodes[n]!.id] !== undefined, live)
    blockedBy[token.id] = unmet.map((n) => model.nodes[n]!.id)
  }
  const tokens: WalkToken[] = work.tokens.map((token) => ({
    id: token.id,
    nodeId: model.nodes[token.node]!.id,
    clock: token.clock,
    status: token.status === 'arrived' ? 'ready' : token.status,
    ...(token.groups.length > 0 ? { forkGroups: token.groups } : {}),
  }))
  return {
    tokens,
    visitedNodeIds: work.visited,
    takenEdgeIds: work.taken,
    elapsed: tokens.reduce((latest, token) => Math.max(latest, token.clock), 0),
    finished: tokens.every((token) => token.status === 'done'),
    blockedBy,
    doneAt: work.doneAt,
    issued: work.issued,
  }
}

/** A token that just arrived, or that waits at a join: end, hold, merge, then its dependencies. */
function settleArrival(model: FlowModel, work: Work, token: WorkToken, release: boolean) {
  const node = model.nodes[token.node]!
  if (node.isEnd || (node.kind !== 'step' && node.out.length === 0)) {
    work.doneAt[node.id] = token.clock
    token.status = 'done'
    return
  }
  const live = work.tokens.filter((other) => other.status !== 'done')
  if (!release && joinHolds(model, token, live)) {
    token.status = 'waiting-join'
    return
  }
  const merging = work.tokens.filter(
    (other) =>
      other === token ||
      (other.node === token.node &&
        (other.status === 'waiting-join' || other.status === 'arrived') &&
        token.groups.length > 0 &&
        other.groups[0] === token.groups[0]),
  )
  if (merging.length > 1) {
    token.groups = mergedGroups(merging, live)
    token.clock = Math.max(...merging.map((other) => other.clock))
    work.tokens = work.tokens.filter((other) => other === token || !merging.includes(other))
  }
  settleDependencies(model, work, token, release)
}

function settleDependencies(model: FlowModel, work: Work, token: WorkToken, release: boolean) {
  const node = model.nodes[token.node]!
  const live = work.tokens.filter((other) => other.status !== 'done')
  const isDone = (n: number) => work.doneAt[model.nodes[n]!.id] !== undefined
  if (!release && unmetDependencies(model, token, isDone, live).length > 0) {
    token.status = 'blocked'
    return
  }
  for (const source of node.dependsOn) {
    const done = work.doneAt[model.nodes[source]!.id]
    if (done !== undefined) token.clock = Math.max(token.clock, done)
  }
  token.status = node.kind === 'decision' && node.out.length >= 2 ? 'choosing' : 'ready'
}
