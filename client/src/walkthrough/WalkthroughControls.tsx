import type { FlowModel, WalkState, WalkToken } from '@flowmap/shared'
import { type Editor, useValue } from 'tldraw'
import { formatElapsed } from './format-elapsed.ts'
import {
  choicesOf,
  currentWalkState,
  exitWalkthrough,
  moveToken,
  nextReadyTokenId,
  restartWalkthrough,
  stepBack,
  walkthroughAtom,
} from './walkthrough-state.ts'
import './walkthrough.css'

/**
 * The facilitator's controls while a walk is on: the elapsed time, each live token with what it can
 * do (move on, choose a branch, or what it waits for), and Next, Back, Restart, Exit.
 */
export function WalkthroughControls({ editor }: { editor: Editor }) {
  const walk = useValue('walk-through', () => walkthroughAtom(editor).get(), [editor])
  if (walk === null) return null
  const state = currentWalkState(walk)
  const next = nextReadyTokenId(state)
  const live = state.tokens.filter((token) => token.status !== 'done')
  return (
    <section className="flowmap-walk-controls" aria-label="Walk-through" data-testid="walkthrough-controls">
      <header className="flowmap-walk-controls__header">
        <strong>Walk-through</strong>
        <span data-testid="walkthrough-elapsed" title={`${state.elapsed} hours`}>
          Elapsed {formatElapsed(state.elapsed)}
        </span>
      </header>
      {walk.model.starts.length === 0 && (
        <p className="flowmap-walk-controls__note">The map has no start: add a start event or a step.</p>
      )}
      {state.finished && (
        <p className="flowmap-walk-controls__note" data-testid="walkthrough-finished">
          Finished: the case took {formatElapsed(state.elapsed)}.
        </p>
      )}
      <ul className="flowmap-walk-controls__tokens">
        {live.map((token) => (
          <TokenRow key={token.id} editor={editor} model={walk.model} state={state} token={token} />
        ))}
      </ul>
      <div className="flowmap-walk-controls__actions">
        <button
          type="button"
          className="flowmap-button flowmap-button--primary"
          data-testid="walkthrough-next"
          disabled={next === null}
          onClick={() => next !== null && moveToken(editor, next)}
        >
          Next
        </button>
        <button
          type="button"
          className="flowmap-button"
          data-testid="walkthrough-back"
          disabled={walk.history.length < 2}
          onClick={() => stepBack(editor)}
        >
          Back
        </button>
        <button
          type="button"
          className="flowmap-button"
          data-testid="walkthrough-restart"
          onClick={() => restartWalkthrough(editor)}
        >
          Restart
        </button>
        <button
          type="button"
          className="flowmap-button"
          data-testid="walkthrough-exit"
          onClick={() => exitWalkthrough(editor)}
        >
          Exit
        </button>
      </div>
    </section>
  )
}

function TokenRow({
  editor,
  model,
  state,
  token,
}: {
  editor: Editor
  model: FlowModel
  state: WalkState
  token: WalkToken
}) {
  const labelOf = (nodeId: string) => {
    const index = model.indexOf.get(nodeId)
    return (index === undefined ? undefined : model.nodes[index]?.label) || 'an untitled shape'
  }
  return (
    <li
      className="flowmap-walk-controls__token"
      data-testid="walkthrough-token-row"
      data-status={token.status}
    >
      <span>
        At <strong>{labelOf(token.nodeId)}</strong>{' '}
        <span className="flowmap-walk-controls__clock">({formatElapsed(token.clock)})</span>
      </span>
      {token.status === 'choosing' && (
        <fieldset className="flowmap-walk-controls__choices">
          <legend className="flowmap-visually-hidden">Choose a branch</legend>
          {choicesOf(model, state, token.id).map((choice) => (
            <button
              key={choice.edgeId}
              type="button"
              className="flowmap-button"
              data-testid="walkthrough-branch"
              onClick={() => moveToken(editor, token.id, choice.edgeId)}
            >
              {choice.label} ({Math.round(choice.probability * 100)}%)
            </button>
          ))}
        </fieldset>
      )}
      {token.status === 'blocked' && (
        <span className="flowmap-walk-controls__wait" data-testid="walkthrough-blocked">
          Waits for {(state.blockedBy[token.id] ?? []).map(labelOf).join(', ') || 'a dependency'} to be done
        </span>
      )}
      {token.status === 'waiting-join' && (
        <span className="flowmap-walk-controls__wait">Waits for the other branches to arrive</span>
      )}
      {token.status === 'ready' && (
        <button
          type="button"
          className="flowmap-button"
          data-testid="walkthrough-move"
          onClick={() => moveToken(editor, token.id)}
        >
          Move on
        </button>
      )}
    </li>
  )
}
