import { canEditBoard, canFacilitateBoard, type Role, viewerCommentsField } from '@flowmap/shared'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { type Editor, type TLComponents, Tldraw, useValue } from 'tldraw'
import { ActivityPanel } from '../activity/ActivityPanel.tsx'
import { CommentLayer } from '../comments/CommentLayer.tsx'
import { CommentsPanel } from '../comments/CommentsPanel.tsx'
import { CommentsContext } from '../comments/comments-ui.ts'
import { useCommentsController } from '../comments/use-comments-controller.ts'
import { ViewerCommentsToggle } from '../comments/ViewerCommentsToggle.tsx'
import { ExportMenu } from '../export/ExportMenu.tsx'
import { CanvasImportHandlers } from '../import/CanvasImportHandlers.tsx'
import { ImportMenu } from '../import/ImportMenu.tsx'
import { ImportStatus } from '../import/ImportStatus.tsx'
import { useBoardImport } from '../import/use-board-import.ts'
import { InspectorPanel } from '../panels/InspectorPanel.tsx'
import { CriticalPathHighlight } from '../panels/insights/CriticalPathHighlight.tsx'
import { InsightsPanel } from '../panels/insights/InsightsPanel.tsx'
import { LintBadges } from '../panels/lint/LintBadges.tsx'
import { LintPanel } from '../panels/lint/LintPanel.tsx'
import { RolesPanel } from '../panels/RolesPanel.tsx'
import { BoardPresence } from '../presence/BoardPresence.tsx'
import { HelperButtonsUnlessFollowing } from '../presence/HelperButtonsUnlessFollowing.tsx'
import { RoleChangeNotice } from '../presence/RoleChangeNotice.tsx'
import { useVerifiedRole } from '../presence/use-verified-role.ts'
import { ReplayButton } from '../replay/ReplayButton.tsx'
import { SinceLastVisit } from '../replay/SinceLastVisit.tsx'
import { setBoardRoles } from '../shapes/board-roles.ts'
import { registerConnectorFlowStyle } from '../shapes/connector-flow.ts'
import { registerLaneOwnership } from '../shapes/lane-ownership.ts'
import { registerPoolLayout } from '../shapes/pool-moves.ts'
import { registerTextLimits } from '../shapes/text-limits.ts'
import { CANVAS_SHAPE_UTILS, WORKFLOW_SHAPE_UTILS, WORKFLOW_TOOLS } from '../shapes/workflow-shapes.tsx'
import { LinkNotValidPage } from '../share/LinkNotValidPage.tsx'
import { linkRefusedByServer, removedFromBoard } from '../share/link-problem.ts'
import { ShareButton } from '../share/ShareDialog.tsx'
import { ShareTokenNotice } from '../share/ShareTokenNotice.tsx'
import type { BoardModel } from '../sync/board-model.ts'
import { useBoardModel } from '../sync/use-board-model.ts'
import { SaveTemplateButton } from '../templates/SaveTemplateButton.tsx'
import { DotVoting } from '../voting/DotVoting.tsx'
import { VoteMenu } from '../voting/VoteMenu.tsx'
import { LockBadges } from '../workshop/LockBadges.tsx'
import { PrivateModeControls, PrivateModeMenuItem } from '../workshop/PrivateMode.tsx'
import { TimerChip } from '../workshop/TimerChip.tsx'
import { useWorkshopField } from '../workshop/use-workshop-field.ts'
import { WorkshopControls } from '../workshop/WorkshopControls.tsx'
import { WorkshopMenu } from '../workshop/WorkshopMenu.tsx'
import { setWorkshopState, useWorkshopState } from '../workshop/workshop-state.ts'
import { DEFAULT_COLOR_SCHEME } from './app-color-mode.ts'
import { BoardContextMenu } from './BoardContextMenu.tsx'
import { BoardHeader } from './BoardHeader.tsx'
import { BoardShortcutsDialog } from './BoardShortcutsDialog.tsx'
import { BoardSidebar } from './BoardSidebar.tsx'
import { BoardToolbar } from './BoardToolbar.tsx'
import { BoardSidebarContext, type SidebarTab } from './board-sidebar-context.ts'
import { type BoardSource, useBoardSource } from './board-source.ts'
import { BOARD_UI_OVERRIDES } from './board-ui-overrides.ts'
import { EmptyBoardHint } from './EmptyBoardHint.tsx'
import { SelectionStylePanel } from './SelectionStylePanel.tsx'
import { readShareToken } from './share-token.ts'
import { panelsStartOpen } from './tablet-layout.ts'
import { exposeEditor } from './test-hook.ts'
import { TLDRAW_ASSET_URLS } from './tldraw-asset-urls.ts'
import { useBoardRoles } from './use-board-roles.ts'

// Module constants, not inline literals: tldraw remounts its editor when these props change identity.
const COMPONENTS: TLComponents = {
  Toolbar: BoardToolbar,
  ContextMenu: BoardContextMenu,
  OnTheCanvas: BoardCanvasMarks,
  InFrontOfTheCanvas: BoardCanvasOverlays,
  StylePanel: SelectionStylePanel,
  KeyboardShortcutsDialog: BoardShortcutsDialog,
  HelperButtons: HelperButtonsUnlessFollowing,
}

/** On the canvas, with the shapes: lint badges and facilitator lock badges. */
function BoardCanvasMarks() {
  return (
    <>
      <LintBadges />
      <LockBadges />
    </>
  )
}

/** Over the canvas: the empty-board hint, the critical path when asked for. (Lint badges are on it.) */
function BoardCanvasOverlays() {
  return (
    <>
      <EmptyBoardHint />
      <CriticalPathHighlight />
      <CanvasImportHandlers />
      <CommentLayer />
    </>
  )
}

/**
 * tldraw refuses new shapes past 4,000 on a page by default; a workflow map of 5,000 steps with its
 * connectors, lanes and notes holds three times that, so the limit is raised well past it.
 */
const TLDRAW_OPTIONS = { maxShapesPerPage: 50_000 } as const

type BoardPageProps = { boardId: string; token: string | null; licenseKey: string | null }

/** One board: the tldraw canvas with the workflow shapes, the header, and the side panels. */
export function BoardPage({ boardId, token, licenseKey }: BoardPageProps) {
  const claims = readShareToken(token)
  // No token is local mode, where the server treats everyone as a facilitator. The server's people
  // list then says the role it applies, which a facilitator may change while the page is open.
  const [people, setPeople] = useState<BoardSource['people']>(null)
  const verified = useVerifiedRole(claims?.role ?? 'facilitator', people)
  const role = verified.role
  const viewOnly = !canEditBoard(role)
  const board = useBoardSource({ boardId, token, shapeUtils: WORKFLOW_SHAPE_UTILS, readOnly: viewOnly })
  useEffect(() => setPeople(board.people), [board.people])
  const model = useBoardModel(board.doc)
  const roles = useBoardRoles(model)
  const [editor, setEditor] = useState<Editor | null>(null)
  // On a narrow window the board gets the room; the panels are a click away.
  const [panelsOpen, setPanelsOpen] = useState(() => panelsStartOpen(window))
  const [sidebarTab, setSidebarTab] = useState<SidebarTab>('properties')
  const sidebarControl = useMemo(
    () => ({
      show(tab: SidebarTab) {
        setSidebarTab(tab)
        setPanelsOpen(true)
      },
    }),
    [],
  )
  // The Activity panel's click: replay opened at that moment.
  const [replayAt, setReplayAt] = useState<{ seq: number } | null>(null)
  const workshop = useWorkshopState(board.doc, role)
  const imports = useBoardImport(editor, board.doc, boardId, !viewOnly)
  const viewerComments = useWorkshopField(board.doc, viewerCommentsField)
  const showComments = useCallback(() => sidebarControl.show('comments'), [sidebarControl])
  const comments = useCommentsController({
    boardId,
    token,
    people: board.people,
    roles,
    canComment: !viewOnly || viewerComments === true,
    editor,
    loaded: board.status.state === 'online',
    showPanel: showComments,
  })

  const onMount = useCallback(
    (mounted: Editor) => {
      setEditor(mounted)
      // A viewer's link opens the board read-only: no tools, no edits (the server refuses them anyway).
      if (viewOnly) mounted.updateInstanceState({ isReadonly: true })
      const stopOwnership = registerLaneOwnership(mounted)
      const stopFlowStyle = registerConnectorFlowStyle(mounted)
      const stopTextLimits = registerTextLimits(mounted)
      const stopPoolLayout = registerPoolLayout(mounted)
      return () => {
        stopOwnership()
        stopFlowStyle()
        stopTextLimits()
        stopPoolLayout()
        setEditor(null)
      }
    },
    [viewOnly],
  )

  useEffect(() => {
    exposeEditor(editor)
  }, [editor])

  useEffect(() => {
    if (editor) setBoardRoles(editor, roles)
  }, [editor, roles])

  // A facilitator's role change reaches an open page: tools go or come without a reload.
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: viewOnly })
  }, [editor, viewOnly])

  useEffect(() => {
    if (editor) setWorkshopState(editor, workshop)
  }, [editor, workshop])

  if (board.removed !== null) return <LinkNotValidPage problem={removedFromBoard()} />
  // The server turned the link down (one it did not sign, or expired since): that one message, no board.
  if (board.linkRefused !== null) return <LinkNotValidPage problem={linkRefusedByServer(board.linkRefused)} />

  return (
    <div className="flowmap-board" data-board-id={boardId}>
      <BoardHeader
        board={board}
        model={model}
        viewOnly={viewOnly}
        panelsOpen={panelsOpen}
        onTogglePanels={() => setPanelsOpen((open) => !open)}
        actions={
          <>
            <BoardPresence
              editor={editor}
              provider={board.provider}
              role={role}
              suggestedName={claims?.name ?? null}
              people={board.people}
              management={canFacilitateBoard(role) ? { boardId, token } : null}
            />
            <WorkshopMenu canFacilitate={canFacilitateBoard(role) && !viewOnly} board={{ boardId, token }}>
              <WorkshopControls workshop={workshop} editor={editor} />
              <VoteMenu editor={editor} doc={board.doc} role={role} name={claims?.name ?? 'Facilitator'} />
              {canFacilitateBoard(role) && (
                <PrivateModeMenuItem
                  doc={board.doc}
                  facilitator={{ id: claims?.name || 'facilitator', name: claims?.name ?? '' }}
                />
              )}
              {canFacilitateBoard(role) && <ViewerCommentsToggle doc={board.doc} />}
              {canFacilitateBoard(role) && (
                <SaveTemplateButton boardId={boardId} token={token} model={model} />
              )}
            </WorkshopMenu>
            {imports && <ImportMenu imports={imports} />}
            <ExportMenu editor={editor} doc={board.doc} />
            {/* A viewer's link is theirs to look through, not to pass on: no Share button. */}
            {!viewOnly && (
              <ShareButton boardId={boardId} token={token} canInvite={canFacilitateBoard(role)} />
            )}
          </>
        }
      />
      <ShareTokenNotice boardId={boardId} token={token} />
      <RoleChangeNotice key={verified.changes} role={role} changedFrom={verified.changedFrom} />
      <CommentsContext.Provider value={comments.controller}>
        <div className="flowmap-board__body">
          <main className="flowmap-board__canvas" aria-label="Workflow board">
            <BoardSidebarContext.Provider value={sidebarControl}>
              <Tldraw
                store={board.store}
                shapeUtils={CANVAS_SHAPE_UTILS}
                tools={WORKFLOW_TOOLS}
                overrides={BOARD_UI_OVERRIDES}
                components={COMPONENTS}
                assetUrls={TLDRAW_ASSET_URLS}
                licenseKey={licenseKey ?? undefined}
                colorScheme={DEFAULT_COLOR_SCHEME}
                options={TLDRAW_OPTIONS}
                onMount={onMount}
              />
            </BoardSidebarContext.Provider>
            <ReplayButton
              boardId={boardId}
              token={token}
              doc={board.doc}
              editor={editor}
              licenseKey={licenseKey}
              openAt={replayAt}
              onOpenAtClosed={() => setReplayAt(null)}
            />
            <ImportStatus imports={imports} />
            <DotVoting editor={editor} doc={board.doc} provider={board.provider} role={role} />
            <TimerChip doc={board.doc} provider={board.provider} canFacilitate={canFacilitateBoard(role)} />
            <PrivateModeControls
              editor={editor}
              doc={board.doc}
              provider={board.provider}
              boardId={boardId}
            />
            <SinceLastVisit
              editor={editor}
              boardId={boardId}
              token={token}
              online={board.status.state === 'online' || board.status.state === 'syncing'}
            />
          </main>
          <BoardSidebar
            editor={editor}
            open={panelsOpen}
            tab={sidebarTab}
            onTabChange={setSidebarTab}
            panels={{
              properties: (
                <>
                  {editor ? <InspectorPanel editor={editor} roles={roles} /> : null}
                  <ReadonlyAwareRolesPanel model={model} roles={roles} editor={editor} viewOnly={viewOnly} />
                </>
              ),
              checks: <LintPanel editor={editor} model={model} />,
              insights: <InsightsPanel editor={editor} model={model} boardId={boardId} token={token} />,
              comments: (
                <CommentsPanel
                  editor={editor}
                  controller={comments.controller}
                  roles={roles}
                  missingThread={comments.missingThread}
                />
              ),
              activity: (
                <ActivityPanel
                  boardId={boardId}
                  token={token}
                  editor={editor}
                  shown={panelsOpen && sidebarTab === 'activity'}
                  onOpenReplay={(seq) => setReplayAt({ seq })}
                />
              ),
            }}
          />
        </div>
      </CommentsContext.Provider>
    </div>
  )
}

function ReadonlyAwareRolesPanel({
  model,
  roles,
  editor,
  viewOnly,
}: {
  model: BoardModel | null
  roles: readonly Role[]
  editor: Editor | null
  viewOnly: boolean
}) {
  const readonly = useValue('is readonly', () => viewOnly || (editor?.getIsReadonly() ?? false), [
    editor,
    viewOnly,
  ])
  return <RolesPanel model={model} roles={roles} editor={editor} readonly={readonly} />
}
