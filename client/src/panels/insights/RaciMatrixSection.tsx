import type { RaciLetter, RaciMatrix, RaciRow, Role } from '@flowmap/shared'
import { useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { cycleRaciCell, type RaciLists } from './raci-cell-edit.ts'

type RaciMatrixSectionProps = {
  raci: RaciMatrix
  roles: readonly Role[]
  /** Where clicks on a cell write; null shows the matrix read-only. */
  editor: Editor | null
  onFocus(shapeIds: readonly string[]): void
}

/**
 * Rows drawn at most: a 5,000-step map would be a table of tens of thousands of buttons, redrawn at
 * each analysis; past this, the rows with a gap are what a facilitator needs, and the Checks list them.
 */
export const MAX_RACI_ROWS = 200

const LETTER_NAMES: Record<RaciLetter, string> = {
  R: 'responsible (the owner)',
  A: 'accountable',
  C: 'consulted',
  I: 'informed',
}

/**
 * The RACI matrix the map implies: roles across, steps and decisions down, editable in place.
 *
 * A click on a cell steps that role through none → A → C → I → none. R is read-only here: it is the
 * step's owner, which also decides its lane, its handoffs and the ownership figures. Miro's and Lucid's
 * RACI templates are free-text tables where R is just a letter, so their users expect a cell to take
 * a letter, not to move the work to someone else; silently reassigning the owner (and overriding the
 * lane's role) from a matrix click would be the surprise. The owner changes where it always does: the
 * inspector's Owner field, or moving the step into another role's lane, and the matrix says so.
 */
export function RaciMatrixSection({ raci, roles, editor, onFocus }: RaciMatrixSectionProps) {
  const readonly = useValue('raci readonly', () => editor?.getIsReadonly() ?? true, [editor])
  // What this person just clicked, until the next analysis (which trails edits) shows it: kept with
  // the matrix it was clicked on, so a new matrix replaces it without an effect.
  const [clicked, setClicked] = useState<{ on: RaciMatrix; lists: ReadonlyMap<string, RaciLists> }>({
    on: raci,
    lists: new Map(),
  })
  const pending = clicked.on === raci ? clicked.lists : new Map<string, RaciLists>()

  const nameOf = (roleId: string) => roles.find((role) => role.id === roleId)?.name || roleId
  const click = (nodeId: string, roleId: string) => {
    if (editor === null) return
    const written = cycleRaciCell(editor, nodeId, roleId)
    if (written !== null) setClicked({ on: raci, lists: new Map(pending).set(nodeId, written) })
  }

  return (
    <>
      <h3 className="flowmap-insights__heading">RACI</h3>
      {raci.rows.length === 0 || raci.roleIds.length === 0 ? (
        <p className="flowmap-panel__empty">
          {raci.rows.length === 0 ? 'No steps or decisions yet.' : 'Add roles to fill in the RACI.'}
        </p>
      ) : (
        <>
          <div className="flowmap-raci">
            <table className="flowmap-raci__table" data-testid="raci-matrix">
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  {raci.roleIds.map((roleId) => (
                    <th key={roleId} scope="col" className="flowmap-raci__role" title={nameOf(roleId)}>
                      <span>{nameOf(roleId)}</span>
                    </th>
                  ))}
                  <th scope="col" className="flowmap-raci__gap-head">
                    <span className="flowmap-visually-hidden">Accountable</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {raci.rows.slice(0, MAX_RACI_ROWS).map((row) => (
                  <MatrixRow
                    key={row.nodeId}
                    row={row}
                    roleIds={raci.roleIds}
                    pending={pending.get(row.nodeId)}
                    readonly={readonly || editor === null}
                    nameOf={nameOf}
                    onCell={(roleId) => click(row.nodeId, roleId)}
                    onFocus={() => onFocus([row.nodeId])}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {raci.rows.length > MAX_RACI_ROWS && (
            <p className="flowmap-panel__note" data-testid="raci-more">
              The first {MAX_RACI_ROWS} of {raci.rows.length} steps and decisions; Checks lists every RACI
              gap.
            </p>
          )}
          <p className="flowmap-panel__note">
            Click a cell: none → A → C → I. R is the step's owner: change it in the inspector, or move the
            step into another role's lane.
          </p>
        </>
      )}
    </>
  )
}

/** The letters of a row's cells, with this person's clicks not yet analysed laid over them. */
export function rowLetters(row: RaciRow, roleIds: readonly string[], pending: RaciLists | undefined) {
  return roleIds.map((roleId) => {
    const shown = row.cells[roleId] ?? []
    if (pending === undefined) return shown
    const letters: RaciLetter[] = shown.includes('R') ? ['R'] : []
    if (pending.accountable.includes(roleId)) letters.push('A')
    if (pending.consulted.includes(roleId)) letters.push('C')
    if (pending.informed.includes(roleId)) letters.push('I')
    return letters
  })
}

function MatrixRow({
  row,
  roleIds,
  pending,
  readonly,
  nameOf,
  onCell,
  onFocus,
}: {
  row: RaciRow
  roleIds: readonly string[]
  pending: RaciLists | undefined
  readonly: boolean
  nameOf(roleId: string): string
  onCell(roleId: string): void
  onFocus(): void
}) {
  const letters = rowLetters(row, roleIds, pending)
  const accountable = letters.filter((cell) => cell.includes('A')).length
  // As the checks say: a step wants exactly one accountable role, a decision at least one.
  const gap = accountable === 0 ? 'none' : accountable > 1 && row.type === 'step' ? 'several' : null
  const label = row.label || (row.type === 'decision' ? 'Unnamed decision' : 'Unnamed step')
  return (
    <tr data-testid={`raci-row-${row.nodeId}`} data-gap={gap ?? undefined}>
      <th scope="row">
        <button type="button" className="flowmap-insights__link" title={label} onClick={onFocus}>
          {row.type === 'decision' ? `◇ ${label}` : label}
        </button>
      </th>
      {roleIds.map((roleId, at) => {
        const cell = letters[at] ?? []
        const title = `${nameOf(roleId)} for “${label}”: ${
          cell.length === 0 ? 'none' : cell.map((letter) => LETTER_NAMES[letter]).join(', ')
        }`
        return (
          <td key={roleId} data-letters={cell.join('')}>
            <button
              type="button"
              className="flowmap-raci__cell"
              title={readonly ? title : `${title}. Click for the next letter.`}
              disabled={readonly}
              data-testid={`raci-cell-${row.nodeId}-${roleId}`}
              onClick={() => onCell(roleId)}
            >
              {cell.join('')}
            </button>
          </td>
        )
      })}
      <td className="flowmap-raci__gap" data-testid={`raci-gap-${row.nodeId}`}>
        {gap === 'none' && <span title="Make exactly one role accountable">No A</span>}
        {gap === 'several' && (
          <span title="Exactly one role should be accountable: keep one A">{accountable} A</span>
        )}
      </td>
    </tr>
  )
}
