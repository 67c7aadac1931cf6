import {
  type BoardRole,
  canFacilitateBoard,
  localOrigin,
  MAX_VOTE_TITLE_CHARS,
  MAX_VOTES_PER_PERSON,
  type OpenVote,
  transactBoard,
  VOTABLE_SHAPE_TYPES,
  type VotableShapeType,
  type VoteScope,
  voteField,
  voteResultsField,
  writeWorkshopField,
} from '@flowmap/shared'
import { useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { usePopover } from '../app/use-popover.ts'
import { useWorkshopField } from './use-workshop-field.ts'

const CONTAINER_TYPES: ReadonlySet<string> = new Set(['stage', 'lane', 'frame'])
const TYPE_NAMES: Record<VotableShapeType, string> = {
  step: 'Steps',
  decision: 'Decisions',
  artifact: 'Artifacts',
  event: 'Events',
  note: 'Sticky notes',
}

/** The facilitator's "Vote" button: a small form that opens a dot vote on the board. */
export function VoteMenu({
  editor,
  doc,
  role,
  name,
}: {
  editor: Editor | null
  doc: Y.Doc | null
  role: BoardRole
  name: string
}) {
  const { open, setOpen, root } = usePopover()
  const vote = useWorkshopField(doc, voteField)
  const [title, setTitle] = useState('')
  const [perPerson, setPerPerson] = useState(3)
  const [onePerShape, setOnePerShape] = useState(false)
  const [scopeKind, setScopeKind] = useState<VoteScope['kind']>('board')
  const [types, setTypes] = useState<VotableShapeType[]>(['step', 'note'])
  const container = useValue('selected container', () => {
    const [only, ...more] = editor?.getSelectedShapes() ?? []
    return only !== undefined && more.length === 0 && CONTAINER_TYPES.has(only.type) ? only : null
  }, [editor])
  if (!canFacilitateBoard(role) || doc === null) return null

  const scope: VoteScope | null =
    scopeKind === 'board'
      ? { kind: 'board' }
      : scopeKind === 'container'
        ? container && { kind: 'container', id: container.id }
        : types.length > 0
          ? { kind: 'types', types }
          : null

  const start = () => {
    if (scope === null) return
    const opened: OpenVote = {
      id: crypto.randomUUID(),
      title: title.trim(),
      scope,
      votesPerPerson: perPerson,
      onePerShape,
      openedAt: Date.now(),
      by: name.slice(0, 200) || 'facilitator',
    }
    // One change: the last vote's result goes as the new vote opens.
    transactBoard(doc, localOrigin, () => {
      writeWorkshopField(doc, voteResultsField, null)
      writeWorkshopField(doc, voteField, opened)
    })
    setOpen(false)
  }

  return (
    <div className="flowmap-vote-menu" ref={root}>
      <button
        title={vote !== null ? 'A vote is open: reveal or close it first' : 'Open a dot vote'}
        disabled={vote !== null}
        type="button"
        className="flowmap-button"
        data-testid="vote-button"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        Vote
      </button>
      {open && vote === null ? (
        <form
          className="flowmap-vote-menu__form"
          aria-label="Open a dot vote"
          onSubmit={(event) => {
            event.preventDefault()
            start()
          }}
        >
          <label>
            Question
            <input
              data-testid="vote-title"
              value={title}
              maxLength={MAX_VOTE_TITLE_CHARS}
              placeholder="Where do we lose most time?"
              onChange={(event) => setTitle(event.target.value)}
            />
          </label>
          <label>
            Votes per person
            <input
              type="number"
              data-testid="vote-per-person"
              min={1}
              max={MAX_VOTES_PER_PERSON}
              value={perPerson}
              onChange={(event) =>
                setPerPerson(
                  Math.min(MAX_VOTES_PER_PERSON, Math.max(1, Math.trunc(Number(event.target.value) || 1))),
                )
              }
            />
          </label>
          <label className="flowmap-vote-menu__check">
            <input
              type="checkbox"
              data-testid="vote-one-per-shape"
              checked={onePerShape}
              onChange={(event) => setOnePerShape(event.target.checked)}
            />
            At most one vote per shape
          </label>
          <label>
            Vote on
            <select
              data-testid="vote-scope"
              value={scopeKind}
              onChange={(event) => setScopeKind(event.target.value as VoteScope['kind'])}
            >
              <option value="board">the whole board</option>
              <option value="container" disabled={container === null}>
                {container
                  ? `what is inside the selected ${container.type}`
                  : 'a stage, lane or frame (select one first)'}
              </option>
              <option value="types">shapes of these kinds</option>
            </select>
          </label>
          {scopeKind === 'types' ? (
            <fieldset className="flowmap-vote-menu__types">
              {VOTABLE_SHAPE_TYPES.map((type) => (
                <label key={type} className="flowmap-vote-menu__check">
                  <input
                    type="checkbox"
                    data-testid={`vote-type-${type}`}
                    checked={types.includes(type)}
                    onChange={(event) =>
                      setTypes((was) =>
                        event.target.checked ? [...was, type] : was.filter((t) => t !== type),
                      )
                    }
                  />
                  {TYPE_NAMES[type]}
                </label>
              ))}
            </fieldset>
          ) : null}
          <button
            type="submit"
            className="flowmap-button"
            data-testid="vote-start"
            data-workshop-done
            disabled={scope === null}
          >
            Start the vote
          </button>
        </form>
      ) : null}
    </div>
  )
}
