import { MAX_ROLE_NAME_CHARS, type Role, type RoleKind } from '@flowmap/shared'
import { useId, useState } from 'react'
import type { Editor } from 'tldraw'
import { roleInitials, textColorOn } from '../shapes/role-badge.ts'
import { ROLE_KIND_OPTIONS } from '../shapes/workflow-vocabulary.ts'
import type { BoardModel } from '../sync/board-model.ts'
import { PanelSection } from './PanelSection.tsx'
import { removeRole } from './remove-role.ts'
import './roles-panel.css'
import { newRoleId, nextRoleColor } from './role-palette.ts'

type RolesPanelProps = {
  model: BoardModel | null
  roles: readonly Role[]
  editor: Editor | null
  readonly: boolean
}

/** The people, teams, systems and AI agents that own steps and lanes on this board. */
export function RolesPanel({ model, roles, editor, readonly }: RolesPanelProps) {
  return (
    <PanelSection title="Roles" testId="roles-panel">
      {!model && <p className="flowmap-panel__empty">Roles appear once the board has loaded.</p>}
      {model && roles.length === 0 && (
        <p className="flowmap-panel__empty">No roles yet. Add who or what does the work.</p>
      )}
      {model && (
        <ul className="flowmap-roles">
          {roles.map((role) => (
            <RoleRow key={role.id} role={role} model={model} editor={editor} readonly={readonly} />
          ))}
        </ul>
      )}
      {model && !readonly && <AddRoleForm model={model} roles={roles} />}
    </PanelSection>
  )
}

function RoleRow({
  role,
  model,
  editor,
  readonly,
}: {
  role: Role
  model: BoardModel
  editor: Editor | null
  readonly: boolean
}) {
  // The name is committed on blur/Enter, not per keystroke: a role rename is one change for everyone.
  const [name, setName] = useState(role.name)
  const [editingName, setEditingName] = useState(false)
  const shownName = editingName ? name : role.name
  const commitName = () => {
    setEditingName(false)
    const trimmed = name.trim()
    if (trimmed !== '' && trimmed !== role.name) model.writeRole({ ...role, name: trimmed })
    else setName(role.name)
  }
  return (
    <li className="flowmap-role" data-testid="role-row" data-role-id={role.id}>
      <span
        className="flowmap-avatar"
        style={{ background: role.color, color: textColorOn(role.color) }}
        aria-hidden="true"
      >
        {roleInitials(role.name)}
      </span>
      <input
        className="flowmap-input flowmap-role__name"
        aria-label={`Name of role ${role.name}`}
        title={role.name}
        value={shownName}
        maxLength={MAX_ROLE_NAME_CHARS}
        disabled={readonly}
        onFocus={() => {
          setName(role.name)
          setEditingName(true)
        }}
        onChange={(event) => setName(event.currentTarget.value)}
        onBlur={commitName}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
          if (event.key === 'Escape') {
            setName(role.name)
            setEditingName(false)
          }
        }}
      />
      <select
        className="flowmap-input flowmap-role__kind"
        aria-label={`Kind of role ${role.name}`}
        value={role.kind}
        disabled={readonly}
        onChange={(event) => model.writeRole({ ...role, kind: event.currentTarget.value as RoleKind })}
      >
        <RoleKindOptions />
      </select>
      <RoleCapacity role={role} model={model} readonly={readonly} />
      <input
        type="color"
        className="flowmap-role__color"
        aria-label={`Colour of role ${role.name}`}
        value={toColorInputValue(role.color)}
        disabled={readonly}
        onChange={(event) => model.writeRole({ ...role, color: event.currentTarget.value })}
      />
      <button
        type="button"
        className="flowmap-button flowmap-button--icon"
        aria-label={`Remove role ${role.name}`}
        title="Remove role"
        disabled={readonly}
        onClick={() => removeRole(model, editor, role.id)}
      >
        ×
      </button>
    </li>
  )
}

/**
 * How many cases the role works on at once; empty is unbounded. Only a whole number from 1 to 10,000
 * is written (the role validator's range); other text stays in the field, marked, until it is one.
 */
function RoleCapacity({ role, model, readonly }: { role: Role; model: BoardModel; readonly: boolean }) {
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? (role.capacity === undefined ? '' : String(role.capacity))
  const parsed = parseCapacity(shown)
  return (
    <input
      type="number"
      className="flowmap-input flowmap-role__capacity"
      aria-label={`Capacity of role ${role.name}`}
      title="Cases at once (empty: unbounded)"
      placeholder="∞"
      min={1}
      max={10_000}
      step={1}
      value={shown}
      disabled={readonly}
      aria-invalid={parsed === undefined}
      onChange={(event) => {
        const text = event.currentTarget.value
        setDraft(text)
        const capacity = parseCapacity(text)
        if (capacity === undefined || capacity === (role.capacity ?? null)) return
        model.writeRole(withCapacity(role, capacity))
      }}
      onBlur={() => setDraft(null)}
    />
  )
}

/** null for empty (unbounded), undefined for text that is not a whole number from 1 to 10,000. */
export function parseCapacity(text: string): number | null | undefined {
  if (text.trim() === '') return null
  const value = Number(text)
  return Number.isInteger(value) && value >= 1 && value <= 10_000 ? value : undefined
}

function withCapacity(role: Role, capacity: number | null): Role {
  const { capacity: _previous, ...rest } = role
  return capacity === null ? rest : { ...rest, capacity }
}

function RoleKindOptions() {
  return ROLE_KIND_OPTIONS.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ))
}

/** <input type="color"> only takes #rrggbb; other CSS colours show as black until someone picks one. */
function toColorInputValue(color: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color)
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase()
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : '#000000'
}

function AddRoleForm({ model, roles }: { model: BoardModel; roles: readonly Role[] }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<RoleKind>('person')
  const nameId = useId()
  const kindId = useId()
  return (
    <form
      className="flowmap-add-role"
      onSubmit={(event) => {
        event.preventDefault()
        const trimmed = name.trim()
        if (trimmed === '') return
        model.writeRole({ id: newRoleId(), name: trimmed, kind, color: nextRoleColor(roles) })
        setName('')
      }}
    >
      <label className="flowmap-visually-hidden" htmlFor={nameId}>
        New role name
      </label>
      <input
        id={nameId}
        className="flowmap-input"
        placeholder="Add a person, team, system…"
        value={name}
        maxLength={MAX_ROLE_NAME_CHARS}
        onChange={(event) => setName(event.currentTarget.value)}
        data-testid="new-role-name"
      />
      <label className="flowmap-visually-hidden" htmlFor={kindId}>
        New role kind
      </label>
      <select
        id={kindId}
        className="flowmap-input flowmap-role__kind"
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value as RoleKind)}
        data-testid="new-role-kind"
      >
        <RoleKindOptions />
      </select>
      <button type="submit" className="flowmap-button flowmap-button--primary" disabled={name.trim() === ''}>
        Add
      </button>
    </form>
  )
}
