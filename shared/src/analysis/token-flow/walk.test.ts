import { describe, expect, test } from 'vitest'
import {
  chain,
  decisionNode,
  endEvent,
  flowArrow,
  graphOfRecords,
  startEvent,
  timedStep,
} from '../../testing/flow-maps.ts'
import { flowModel } from './flow-model.ts'
import { choicesOf, startWalk, stepToken, type WalkState } from './walk.ts'

const shape = (id: string) => `shape:${id}`
const edge = (from: string, to: string) => `shape:${from}-${to}`
const only = (state: WalkState) => {
  expect(state.tokens).toHaveLength(1)
  return state.tokens[0]!
}
const tokenAt = (state: WalkState, id: string) => state.tokens.find((token) => token.nodeId === shape(id))!

describe('walk-through', () => {
  test('a token walks a line, spending each step wait then process time', () => {
    // start → a (wait 1 h, process 2 h) → b (process 3 h) → end: 1 + 2 + 3 = 6 h.
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('a', { wait: 1, estimate: 2 }),
        timedStep('b', { estimate: 3 }),
        endEvent(),
        ...chain('start', 'a', 'b', 'end'),
      ]),
    )
    let state = startWalk(model)
    expect(only(state)).toMatchObject({ id: 't1', nodeId: shape('start'), clock: 0, status: 'ready' })
    state = stepToken(model, state, 't1')
    expect(only(state)).toMatchObject({ nodeId: shape('a'), clock: 0, status: 'ready' })
    state = stepToken(model, state, 't1')
    expect(only(state)).toMatchObject({ nodeId: shape('b'), clock: 3 })
    state = stepToken(model, state, 't1')
    expect(only(state)).toMatchObject({ nodeId: shape('end'), clock: 6, status: 'done' })
    expect(state).toMatchObject({ elapsed: 6, finished: true })
    expect(state.visitedNodeIds).toEqual(['start', 'a', 'b', 'end'].map(shape))
    expect(state.takenEdgeIds).toEqual([edge('start', 'a'), edge('a', 'b'), edge('b', 'end')])
  })

  test('at a decision the token waits for a choice among the branches, with their probabilities', () => {
    // ok? ─yes (70 %)→ ship → end; ─no (unset: the 30 % left)→ fix → end
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        decisionNode('ok'),
        timedStep('ship', { estimate: 1 }),
        timedStep('fix', { estimate: 4 }),
        endEvent(),
        ...chain('start', 'ok'),
        ...flowArrow('ok', 'ship', { branch: 'yes', probability: 0.7 }),
        ...flowArrow('ok', 'fix', { branch: 'no' }),
        ...chain('ship', 'end'),
        ...chain('fix', 'end'),
      ]),
    )
    let state = stepToken(model, startWalk(model), 't1')
    expect(only(state).status).toBe('choosing')
    const choices = choicesOf(model, state, 't1')
    expect(choices.map(({ edgeId, label }) => [edgeId, label])).toEqual([
      [edge('ok', 'ship'), 'yes'],
      [edge('ok', 'fix'), 'no'],
    ])
    expect(choices[0]!.probability).toBeCloseTo(0.7)
    expect(choices[1]!.probability).toBeCloseTo(0.3)
    // Without a branch, or with one that does not leave the decision, nothing moves.
    expect(stepToken(model, state, 't1')).toBe(state)
    expect(stepToken(model, state, 't1', edge('ship', 'end'))).toBe(state)
    state = stepToken(model, state, 't1', edge('ok', 'fix'))
    expect(only(state)).toMatchObject({ nodeId: shape('fix'), status: 'ready' })
    expect(choicesOf(model, state, 't1')).toEqual([])
    state = stepToken(model, state, 't1')
    expect(state).toMatchObject({ elapsed: 4, finished: true })
    expect(state.takenEdgeIds).not.toContain(edge('ok', 'ship'))
  })

  test('a parallel split forks tokens and the join waits for both, going on at the later arrival', () => {
    // start → a (1 h) → { b (2 h), c (5 h) } → join (1 h) → end: 1 + max(2, 5) + 1 = 7 h.
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('a', { estimate: 1 }),
        timedStep('b', { estimate: 2 }),
        timedStep('c', { estimate: 5 }),
        timedStep('join', { estimate: 1 }),
        endEvent(),
        ...chain('start', 'a', 'b', 'join', 'end'),
        ...chain('a', 'c', 'join'),
      ]),
    )
    let state = stepToken(model, stepToken(model, startWalk(model), 't1'), 't1')
    expect(state.tokens.map((token) => [token.nodeId, token.clock])).toEqual([
      [shape('b'), 1],
      [shape('c'), 1],
    ])
    const [viaB, viaC] = state.tokens.map((token) => token.id) as [string, string]
    expect(viaB).not.toBe(viaC)
    state = stepToken(model, state, viaB)
    expect(tokenAt(state, 'join')).toMatchObject({ id: viaB, clock: 3, status: 'waiting-join' })
    state = stepToken(model, state, viaC)
    expect(only(state)).toMatchObject({ nodeId: shape('join'), clock: 6, status: 'ready' })
    expect(only(state).forkGroups).toBeUndefined()
    state = stepToken(model, state, only(state).id)
    expect(state).toMatchObject({ elapsed: 7, finished: true })
  })

  test('a dependency blocks a step until its source is done, and says by what', () => {
    // start → { welcome (2 h) → first day (2 h) → end, IT setup (16 h) }; IT setup ⇢ first day.
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('welcome', { estimate: 2 }),
        timedStep('first', { estimate: 2 }),
        timedStep('it', { estimate: 16 }),
        endEvent(),
        ...chain('start', 'welcome', 'first', 'end'),
        ...chain('start', 'it'),
        ...flowArrow('it', 'first', { flow: 'dependency' }),
      ]),
    )
    let state = stepToken(model, startWalk(model), 't1')
    const welcome = tokenAt(state, 'welcome').id
    const it = tokenAt(state, 'it').id
    state = stepToken(model, state, welcome)
    expect(tokenAt(state, 'first')).toMatchObject({ clock: 2, status: 'blocked' })
    expect(state.blockedBy).toEqual({ [welcome]: [shape('it')] })
    expect(stepToken(model, state, welcome)).toBe(state)
    state = stepToken(model, state, it)
    expect(tokenAt(state, 'it')).toMatchObject({ status: 'done', clock: 16 })
    expect(tokenAt(state, 'first')).toMatchObject({ status: 'ready', clock: 16 })
    expect(state.blockedBy).toEqual({})
    state = stepToken(model, state, welcome)
    expect(state).toMatchObject({ elapsed: 18, finished: true })
  })

  test('a dependency on work no token can reach any more no longer blocks', () => {
    // start → { n (1 h) → end, ok? ─yes→ s → end ─no→ end };  s ⇢ n
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('n', { estimate: 1 }),
        decisionNode('ok'),
        timedStep('s', { estimate: 3 }),
        endEvent(),
        ...chain('start', 'n', 'end'),
        ...chain('start', 'ok'),
        ...flowArrow('ok', 's', { branch: 'yes' }),
        ...flowArrow('ok', 'end', { branch: 'no' }),
        ...chain('s', 'end'),
        ...flowArrow('s', 'n', { flow: 'dependency' }),
      ]),
    )
    let state = stepToken(model, startWalk(model), 't1')
    expect(tokenAt(state, 'n').status).toBe('blocked')
    state = stepToken(model, state, tokenAt(state, 'ok').id, edge('ok', 'end'))
    expect(tokenAt(state, 'n')).toMatchObject({ status: 'ready', clock: 0 })
  })

  test('every move answers a new state and leaves the previous one as it was (undo keeps it)', () => {
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('a', { estimate: 2 }),
        endEvent(),
        ...chain('start', 'a', 'end'),
      ]),
    )
    const first = startWalk(model)
    const copy = structuredClone(first)
    const second = stepToken(model, first, 't1')
    expect(second).not.toBe(first)
    expect(first).toEqual(copy)
    expect(stepToken(model, second, 't1')).toMatchObject({ elapsed: 2, finished: true })
    expect(second.tokens[0]!.nodeId).toBe(shape('a'))
  })

  test('a walk can start at a chosen node; without start events it starts where nothing leads in', () => {
    const records = [timedStep('a', { estimate: 1 }), timedStep('b', { estimate: 2 }), ...chain('a', 'b')]
    const model = flowModel(graphOfRecords(records))
    expect(startWalk(model).tokens.map((token) => token.nodeId)).toEqual([shape('a')])
    expect(startWalk(model, shape('b')).tokens.map((token) => token.nodeId)).toEqual([shape('b')])
    expect(startWalk(flowModel(graphOfRecords([])))).toMatchObject({ tokens: [], finished: true, elapsed: 0 })
  })

  test('joins and dependencies that wait on each other let the held token go on', () => {
    // start → { x → j, y → j }, j → s → end, s ⇢ y: y waits for s, which comes after the join j,
    // and j waits for the token at y. The token held at j goes on alone.
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('x', { estimate: 1 }),
        timedStep('y', { estimate: 1 }),
        timedStep('j', { estimate: 1 }),
        timedStep('s', { estimate: 1 }),
        endEvent(),
        ...chain('start', 'x', 'j', 's', 'end'),
        ...chain('start', 'y', 'j'),
        ...flowArrow('s', 'y', { flow: 'dependency' }),
      ]),
    )
    let state = stepToken(model, startWalk(model), 't1')
    expect(tokenAt(state, 'y').status).toBe('blocked')
    state = stepToken(model, state, tokenAt(state, 'x').id)
    expect(tokenAt(state, 'j').status).toBe('ready')
    expect(tokenAt(state, 'y').status).toBe('blocked')
    expect(state.finished).toBe(false)
  })
})
