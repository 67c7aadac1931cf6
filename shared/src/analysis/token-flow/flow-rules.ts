import type { FlowModel } from './flow-model.ts'

/**
 * The rules a token follows, shared by the walk-through (./walk.ts) and the lead-time simulation
 * (./simulate-lead-time.ts) so a map behaves the same in both.
 *
 * - A case starts with one token at each of `FlowModel.starts`.
 * - A token entering a step spends the step's wait, then its process time (the owner role is busy
 *   only during the process time). Decisions, artifacts and events take no time.
 * - Leaving a decision one outgoing sequence flow is taken. Leaving any other node with several,
 *   the token splits: one token per flow, all given a new fork group on top of the groups they had.
 * - A join (a node two or more sequence flows enter) holds a token of a fork group while another
 *   live token of the same outermost group, at another node, can still reach the join. Then the
 *   tokens held there merge into one, going on at the latest arrival. Tokens of no group (after a
 *   decision's branches meet again) pass straight through. Waiting for the outermost group rather
 *   than the innermost makes nested splits that meet at one join merge there too.
 * - Dependencies: a node that depends on S (S ⇢ N) does not start until S is done in this case, or
 *   until no live token elsewhere can still reach S.
 * - A token ends at an end event or at a node with no outgoing sequence flow.
 * - When every live token is held (joins or dependencies waiting on each other: the lint reports such
 *   maps), the held tokens go on as they are: first those at joins, then the blocked ones.
 */
export type FlowToken<G> = {
  readonly node: number
  /** Fork groups, outermost first. */
  readonly groups: readonly G[]
}

export function isJoin(model: FlowModel, node: number): boolean {
  return model.nodes[node]!.inCount >= 2
}

/** Whether `token`, at a join, must wait for another live token of its fork group. */
export function joinHolds<G>(
  model: FlowModel,
  token: FlowToken<G>,
  live: ReadonlyArray<FlowToken<G>>,
): boolean {
  return joinHolder(model, token, live) !== null
}

/** The live token `token` waits for at its join (one of them), or null when it need not wait. */
export function joinHolder<G, T extends FlowToken<G>>(
  model: FlowModel,
  token: T,
  live: ReadonlyArray<T>,
): T | null {
  if (token.groups.length === 0 || !isJoin(model, token.node)) return null
  const root = token.groups[0]
  for (const other of live) {
    if (other === token || other.node === token.node || other.groups[0] !== root) continue
    if (model.canReach(other.node, token.node)) return other
  }
  return null
}

/**
 * The fork groups of the token that merged ones become: the groups they all share, less the
 * innermost ones no token outside the merge still belongs to (that split is whole again).
 */
export function mergedGroups<G>(
  merging: ReadonlyArray<FlowToken<G>>,
  live: ReadonlyArray<FlowToken<G>>,
): G[] {
  const first = merging[0]!.groups
  let shared = first.length
  for (const token of merging) {
    let k = 0
    while (k < shared && k < token.groups.length && token.groups[k] === first[k]) k++
    shared = k
  }
  const groups = first.slice(0, shared)
  const outside = live.filter((token) => !merging.includes(token))
  while (groups.length > 0 && !outside.some((token) => token.groups.includes(groups[groups.length - 1]!)))
    groups.pop()
  return groups
}

/** The nodes `token`'s node depends on that are not done yet and that a live token elsewhere can still reach. */
export function unmetDependencies<G>(
  model: FlowModel,
  token: FlowToken<G>,
  isDone: (node: number) => boolean,
  live: ReadonlyArray<FlowToken<G>>,
): number[] {
  const unmet: number[] = []
  for (const source of model.nodes[token.node]!.dependsOn) {
    if (!isDone(source) && dependencyHolder(model, token, source, live) !== null) unmet.push(source)
  }
  return unmet
}

/** A live token elsewhere that can still reach `source` (so `token` must wait for it), or null. */
export function dependencyHolder<G, T extends FlowToken<G>>(
  model: FlowModel,
  token: T,
  source: number,
  live: ReadonlyArray<T>,
): T | null {
  for (const other of live) if (other.node !== token.node && model.canReach(other.node, source)) return other
  return null
}
