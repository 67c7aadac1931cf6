import { useContext } from 'react'
import {
  DefaultToolbar,
  TldrawUiMenuContextProvider,
  TldrawUiOrientationProvider,
  TldrawUiToolbar,
  ToolbarItem,
  useEditor,
  useReadonly,
} from 'tldraw'
import { CommentModeButton } from '../comments/CommentModeButton.tsx'
import { VsmLadderMode } from '../panels/insights/VsmLadder.tsx'
import { LintCount } from '../panels/lint/LintCount.tsx'
import { WORKFLOW_TOOL_ITEMS } from '../shapes/workflow-shapes.tsx'
import { WalkthroughMode } from '../walkthrough/WalkthroughMode.tsx'
import { RestrictedToolbar } from '../workshop/RestrictedToolbar.tsx'
import { useWorkshop } from '../workshop/workshop-state.ts'
import { BoardSidebarContext } from './board-sidebar-context.ts'

/**
 * tldraw's toolbar (select, hand, draw, arrow, note, text...) under a row of workflow tools. The
 * workflow row never overflows into a "more" menu, so each tool keeps its `tools.<id>` test id.
 */
export function BoardToolbar() {
  const isReadonly = useReadonly()
  const editor = useEditor()
  const sidebar = useContext(BoardSidebarContext)
  const workshop = useWorkshop(editor)
  if (workshop?.toolsRestricted && !isReadonly) return <RestrictedToolbar />
  return (
    <div className="flowmap-toolbars">
      {!isReadonly && (
        <TldrawUiOrientationProvider orientation="horizontal" tooltipSide="top">
          <div className="flowmap-workflow-toolbar" data-testid="workflow-toolbar">
            <TldrawUiToolbar
              orientation="horizontal"
              label="Workflow shapes"
              className="flowmap-workflow-toolbar__tools"
            >
              <TldrawUiMenuContextProvider type="toolbar" sourceId="toolbar">
                {WORKFLOW_TOOL_ITEMS.map((item) => (
                  <ToolbarItem key={item.id} tool={item.id} />
                ))}
              </TldrawUiMenuContextProvider>
            </TldrawUiToolbar>
            <CommentModeButton />
            <LintCount editor={editor} onClick={() => sidebar?.show('checks')} />
            <span className="flowmap-toolbar__wide-only">
              <WalkthroughMode />
              <VsmLadderMode />
            </span>
          </div>
        </TldrawUiOrientationProvider>
      )}
      {isReadonly && <CommentModeButton framed />}
      {isReadonly && (
        <span className="flowmap-toolbar__wide-only">
          <WalkthroughMode />
          <VsmLadderMode />
        </span>
      )}
      <DefaultToolbar />
    </div>
  )
}
