import { type BoardRole, canEditBoard, voteField, voteResultsField } from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useState } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { useVoteChannel } from './use-vote-channel.ts'
import { useWorkshopField } from './use-workshop-field.ts'
import { BallotTargets, ResultBadges } from './VoteOverlay.tsx'
import { OpenVoteCard, VoteResultsCard } from './VotePanel.tsx'
import './voting.css'

/**
 * Dot voting on the canvas: while a vote is open, this person's ballot (click targets and their own
 * dots) and the vote's card; after a reveal, the counts on the shapes and the ranked list. Everyone's
 * page shows the same result, because it is read from the board's doc.
 */
export function DotVoting({
  editor,
  doc,
  provider,
  role,
}: {
  editor: Editor | null
  doc: Y.Doc | null
  provider: HocuspocusProvider | null
  role: BoardRole
}) {
  const vote = useWorkshopField(doc, voteField)
  const results = useWorkshopField(doc, voteResultsField)
  const { channel, state } = useVoteChannel(provider, vote?.id ?? null)
  // The ballot covers the shapes it is on; a participant who wants to edit one puts it aside for a moment.
  const [ballotAside, setBallotAside] = useState(false)
  if (editor === null || doc === null || (vote === null && results === null)) return null
  const canVote = vote !== null && channel !== null && canEditBoard(role) && state.voteId === vote.id
  const voting = canVote && !ballotAside
  return (
    <>
      {voting ? (
        <BallotTargets editor={editor} doc={doc} vote={vote} mine={state.mine ?? []} channel={channel} />
      ) : null}
      {results !== null && vote === null ? <ResultBadges editor={editor} results={results} /> : null}
      <div className="flowmap-vote-cards">
        {vote !== null ? (
          <OpenVoteCard
            doc={doc}
            vote={vote}
            role={role}
            ballot={{ state, channel, aside: ballotAside, setAside: setBallotAside }}
          />
        ) : null}
        {results !== null && vote === null ? (
          <VoteResultsCard editor={editor} doc={doc} results={results} role={role} />
        ) : null}
      </div>
    </>
  )
}
