import { useId } from 'react'
import { usePopover } from '../app/use-popover.ts'
import type { Attention } from './use-attention.ts'

type AttentionAction = Parameters<Attention['request']>[0]

/** The menu's actions in order; take control turns into its release while I hold it. */
function menuItems(holdingControl: boolean): readonly (readonly [AttentionAction, string])[] {
  return [
    ['summon', 'Bring everyone to me'],
    ['follow', 'Everyone follow me'],
    holdingControl ? ['release', 'Release control'] : ['take-control', "Take control of everyone's view"],
  ]
}

/**
 * A facilitator's attention actions: bring everyone's view to mine once, have everyone follow me
 * (each can leave by moving), or take control of everyone's view until I release it. The server
 * decides who may (a participant's request is refused there); this menu is only offered to facilitators.
 */
export function AttentionMenu({ attention }: { attention: Attention }) {
  const { open, setOpen, root } = usePopover()
  const menuId = useId()
  const choose = (action: AttentionAction) => {
    attention.request(action)
    setOpen(false)
  }
  return (
    <div className="flowmap-attention" ref={root}>
      <button
        type="button"
        className="flowmap-button"
        data-testid="attention-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-pressed={attention.holdingControl}
        onClick={() => setOpen((was) => !was)}
      >
        {attention.holdingControl ? 'You have control' : 'Attention'}
      </button>
      <div
        id={menuId}
        className="flowmap-presence__popover flowmap-attention__menu"
        role="menu"
        hidden={!open}
      >
        {menuItems(attention.holdingControl).map(([action, label]) => (
          <button
            key={action}
            type="button"
            role="menuitem"
            className="flowmap-button"
            data-testid={`attention-${action}`}
            onClick={() => choose(action)}
          >
            {label}
          </button>
        ))}
      </div>
      {attention.refusal !== null && (
        <p className="flowmap-attention__refusal" role="alert" data-testid="attention-refusal">
          {attention.refusal}
        </p>
      )}
    </div>
  )
}
