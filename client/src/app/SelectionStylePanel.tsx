import { DefaultStylePanel, type TLUiStylePanelProps, useEditor, useRelevantStyles, useValue } from 'tldraw'
import { stylePanelVisible } from './style-panel-visibility.ts'

/**
 * tldraw's style panel, open only when there is something to style (style-panel-visibility.ts) and
 * the shapes in question have styles at all (workflow cards have none of tldraw's). tldraw shows it
 * at all times on a wide screen, where at zoom-to-fit it covers the map's right side. On a phone it
 * lives in a popover the person opens, so it is left as it is there.
 */
export function SelectionStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const styles = useRelevantStyles()
  const visible = useValue(
    'style panel visible',
    () =>
      stylePanelVisible({
        selectedCount: editor.getSelectedShapeIds().length,
        toolId: editor.getCurrentToolId(),
      }),
    [editor],
  )
  if (!props.isMobile && (!visible || !styles || styles.size === 0)) return null
  return <DefaultStylePanel {...props} styles={props.styles === undefined ? styles : props.styles} />
}
