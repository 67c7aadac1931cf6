import { createContext } from 'react'

export type SidebarTab = 'properties' | 'checks' | 'insights' | 'comments' | 'activity'

/**
 * Lets controls inside tldraw's UI (the lint count in the toolbar) open a tab of the board's side
 * panel, which lives outside tldraw. React context reaches through tldraw's tree to its toolbar.
 */
export const BoardSidebarContext = createContext<{ show(tab: SidebarTab): void } | null>(null)
