/** Flowmap's own BPMN attributes (docs/bpmn-dialect.md): one namespace, which other tools keep and ignore. */
export const FLOWMAP_BPMN_NAMESPACE = 'https://flowmap.dev/schema/bpmn/1'
export const FLOWMAP_BPMN_PREFIX = 'flowmap'
