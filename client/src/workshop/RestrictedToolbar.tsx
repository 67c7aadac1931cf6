import { ArrowToolbarItem, DefaultToolbar, HandToolbarItem, NoteToolbarItem, SelectToolbarItem } from 'tldraw'
import './workshop.css'

/** A participant's toolbar while the facilitator has limited the tools: notes and connectors. */
export function RestrictedToolbar() {
  return (
    <div className="flowmap-toolbars">
      <p className="flowmap-toolset-notice" data-testid="toolset-restricted" role="status">
        The facilitator has limited the tools to notes and connectors
      </p>
      <DefaultToolbar>
        <SelectToolbarItem />
        <HandToolbarItem />
        <NoteToolbarItem />
        <ArrowToolbarItem />
      </DefaultToolbar>
    </div>
  )
}
