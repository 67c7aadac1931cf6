import { FLOWMAP_CUSTOM_RECORDS } from '@flowmap/shared'
import {
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeTools,
  defaultShapeUtils,
  defaultTools,
  Editor,
  tipTapDefaultExtensions,
} from 'tldraw'
import { WORKFLOW_SHAPE_UTILS, WORKFLOW_TOOLS } from './workflow-shapes.tsx'

/**
 * A real tldraw Editor (no React, no canvas; needs a DOM such as happy-dom) with the workflow shapes
 * and tools, for tests that prove behaviour through the same editor calls the UI makes.
 */
export function createWorkflowEditor(): Editor {
  const shapeUtils = [...defaultShapeUtils, ...WORKFLOW_SHAPE_UTILS]
  const container = document.createElement('div')
  document.body.appendChild(container)
  return new Editor({
    shapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools, ...WORKFLOW_TOOLS],
    store: createTLStore({ shapeUtils, bindingUtils: defaultBindingUtils, records: FLOWMAP_CUSTOM_RECORDS }),
    getContainer: () => container,
    initialState: 'select',
    // Notes and arrow labels carry rich text, which the editor can only measure and render with these.
    options: {
      text: {
        addFontsFromNode: defaultAddFontsFromNode,
        tipTapConfig: { extensions: tipTapDefaultExtensions },
      },
    },
  })
}
