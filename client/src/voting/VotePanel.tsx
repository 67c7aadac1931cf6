import {
  type BoardRole,
  canEditBoard,
  canFacilitateBoard,
  type OpenVote,
  rankedCounts,
  type VoteResults,
  voteField,
  voteResultsField,
  writeWorkshopField,
} from '@flowmap/shared'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { shapeLabel } from './ballot-shapes.ts'
import type { VoteChannel, VoteChannelState } from './vote-channel.ts'

/**
 * The open vote's card over the canvas (its question, my votes left, for a facilitator how many have
 * voted, Reveal and Close), or after a reveal the ranked results.
 */
export interface BallotControl {
  state: VoteChannelState
  channel: VoteChannel | null
  /** the ballot is put aside, so the shapes it covers can be edited */
  aside: boolean
  setAside(aside: boolean): void
}

export function OpenVoteCard({
  doc,
  vote,
  role,
  ballot,
}: {
  doc: Y.Doc
  vote: OpenVote
  role: BoardRole
  ballot: BallotControl
}) {
  const { state, channel, aside: ballotAside } = ballot
  const facilitator = canFacilitateBoard(role)
  const left = state.votesLeft ?? vote.votesPerPerson
  return (
    <section className="flowmap-vote-card" data-testid="vote-card" aria-label="Open vote">
      <strong className="flowmap-vote-card__title">{vote.title || 'Dot vote'}</strong>
      {canEditBoard(role) ? (
        <span className="flowmap-vote-card__mine">
          <span data-testid="votes-left" data-left={left}>
            {left} of {vote.votesPerPerson} votes left{ballotAside ? '' : ' · click a shape to vote'}
            {vote.onePerShape ? ' (one per shape)' : ''}
          </span>
          <button
            aria-pressed={ballotAside}
            type="button"
            data-testid="vote-ballot-toggle"
            className="flowmap-vote-card__link"
            onClick={() => ballot.setAside(!ballotAside)}
          >
            {ballotAside ? 'Back to voting' : 'Edit the board'}
          </button>
        </span>
      ) : (
        <span>Voting is on; viewers watch.</span>
      )}
      {facilitator ? (
        <span className="flowmap-vote-card__voters" data-testid="vote-voters" data-voters={state.voters ?? 0}>
          {state.voters ?? 0} {state.voters === 1 ? 'person has' : 'people have'} voted
        </span>
      ) : null}
      {state.problem ? (
        <span className="flowmap-vote-card__problem" role="alert" data-testid="vote-problem">
          {state.problem}
        </span>
      ) : null}
      {facilitator ? (
        <span className="flowmap-vote-card__actions">
          <button
            type="button"
            className="flowmap-button"
            data-testid="vote-reveal"
            disabled={channel === null}
            onClick={() => channel?.send({ type: 'vote-reveal', voteId: vote.id })}
          >
            Reveal votes
          </button>
          <button
            type="button"
            className="flowmap-button"
            data-testid="vote-close"
            onClick={() => writeWorkshopField(doc, voteField, null)}
          >
            Close without revealing
          </button>
        </span>
      ) : null}
    </section>
  )
}

export function VoteResultsCard({
  editor,
  doc,
  results,
  role,
}: {
  editor: Editor
  doc: Y.Doc
  results: VoteResults
  role: BoardRole
}) {
  const rows = useValue(
    'vote results',
    () =>
      rankedCounts(results.counts).map(({ shapeId, count }) => ({
        shapeId,
        count,
        label: shapeLabel(editor.getShape(shapeId as TLShapeId)),
      })),
    [editor, results],
  )
  return (
    <section className="flowmap-vote-card" data-testid="vote-results" aria-label="Vote results">
      <strong className="flowmap-vote-card__title">Results: {results.title || 'dot vote'}</strong>
      <span>
        {results.voters} {results.voters === 1 ? 'person' : 'people'} voted
      </span>
      <ol className="flowmap-vote-card__ranking">
        {rows.map((row) => (
          <li
            key={row.shapeId}
            data-testid="vote-result-row"
            data-shape-id={row.shapeId}
            data-count={row.count}
          >
            <button
              type="button"
              className="flowmap-vote-card__row"
              onClick={() =>
                editor.select(row.shapeId as TLShapeId).zoomToSelection({ animation: { duration: 200 } })
              }
            >
              <span className="flowmap-vote-card__label">{row.label}</span>
              <span className="flowmap-vote-card__count">{row.count}</span>
            </button>
          </li>
        ))}
      </ol>
      {rows.length === 0 ? <span>No votes were cast.</span> : null}
      {canFacilitateBoard(role) ? (
        <button
          type="button"
          className="flowmap-button"
          data-testid="vote-clear"
          onClick={() => writeWorkshopField(doc, voteResultsField, null)}
        >
          Clear results
        </button>
      ) : null}
    </section>
  )
}
