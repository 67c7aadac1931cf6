import { useId } from 'react'
import { usePopover } from '../app/use-popover.ts'
import type { Attention } from './use-attention.ts'

/**
 * A facilitator's attention actions: bring everyone's view to mine once, have everyone follow me
 * (each can leave by moving), or take control of everyone's view until I release it. The server
 * decides who may (a participant's request is refused there); this menu is only offered to facilitators.
 */
export function AttentionMenu({ attention }: { attention: Attention }) {
  const { open, setOpen, root } = usePopover()
  const menuId = useId()
  const choose = (action: Parameters<Attention['request']>[0]) => {
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
        <button
          type="button"
          role="menuitem"
          className="flowmap-button"
          data-testid="attention-summon"
          onClick={() => choose('summon')}
        >
          Bring everyone to me
        </button>
        <button
          type="button"
          role="menuitem"
          className="flowmap-button"
          data-testid="attention-follow"
          onClick={() => choose('follow')}
        >
          Everyone follow me
        </button>
        {attention.holdingControl ? (
          <button
            type="button"
            role="menuitem"
            className="flowmap-button"
            data-testid="attention-release"
            onClick={() => choose('release')}
          >
            Release control
          </button>
        ) : (
          <button
            type="button"
            role="menuitem"
            className="flowmap-button"
            data-testid="attention-take-control"
            onClick={() => choose('take-control')}
          >
            Take control of everyone's view
          </button>
        )}
      </div>
      {attention.refusal !== null && (
        <p className="flowmap-attention__refusal" role="alert" data-testid="attention-refusal">
          {attention.refusal}
        </p>
      )}
    </div>
  )
}
