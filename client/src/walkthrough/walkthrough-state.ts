import {
  choicesOf,
  type FlowModel,
  flowModel,
  startWalk,
  stepToken,
  toWorkflowGraph,
  type WalkState,
} from '@flowmap/shared'
import { type Atom, atom, type Editor } from 'tldraw'

/**
 * A walk-through in progress: the map compiled once when it started, and every state it has been in
 * (the last is the current one), so Back is dropping the last. Local to this person: nothing is
 * written to the board, so a viewer can run one too.
 */
export type Walkthrough = { model: FlowModel; history: readonly WalkState[] }

const walkByEditor = new WeakMap<Editor, Atom<Walkthrough | null>>()

/** Per editor, like the critical-path highlight: the overlay that draws it lives in tldraw's tree. */
export function walkthroughAtom(editor: Editor): Atom<Walkthrough | null> {
  let walk = walkByEditor.get(editor)
  if (!walk) {
    walk = atom<Walkthrough | null>('walk-through', null)
    walkByEditor.set(editor, walk)
  }
  return walk
}

export function currentWalkState(walk: Walkthrough): WalkState {
  return walk.history[walk.history.length - 1]!
}

/**
 * Starts (or restarts) a walk on the map as it is now. Roles only decide owners, which a walk does
 * not read, so the graph is built without them.
 */
export function startWalkthrough(editor: Editor): void {
  const model = flowModel(toWorkflowGraph(editor.store.allRecords(), []))
  walkthroughAtom(editor).set({ model, history: [startWalk(model)] })
}

export function exitWalkthrough(editor: Editor): void {
  walkthroughAtom(editor).set(null)
}

/** Moves one token on (a decision's token along `edgeId`); a move the engine refuses changes nothing. */
export function moveToken(editor: Editor, tokenId: string, edgeId?: string): void {
  const walk = walkthroughAtom(editor).get()
  if (walk === null) return
  const current = currentWalkState(walk)
  const next = stepToken(walk.model, current, tokenId, edgeId)
  if (next !== current) walkthroughAtom(editor).set({ ...walk, history: [...walk.history, next] })
}

/** The ready token that has waited longest (smallest clock): what "Next" moves. */
export function nextReadyTokenId(state: WalkState): string | null {
  let best: WalkState['tokens'][number] | null = null
  for (const token of state.tokens)
    if (token.status === 'ready' && (best === null || token.clock < best.clock)) best = token
  return best?.id ?? null
}

export function stepBack(editor: Editor): void {
  const walk = walkthroughAtom(editor).get()
  if (walk === null || walk.history.length < 2) return
  walkthroughAtom(editor).set({ ...walk, history: walk.history.slice(0, -1) })
}

export function restartWalkthrough(editor: Editor): void {
  const walk = walkthroughAtom(editor).get()
  if (walk === null) return
  walkthroughAtom(editor).set({ ...walk, history: walk.history.slice(0, 1) })
}

export { choicesOf }
