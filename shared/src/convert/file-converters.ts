/**
 * The file converters as their own entry point, `@flowmap/shared/file-converters`: the client loads
 * them (bpmn-moddle, the Mermaid parser, the layout) only when a person imports or exports a file, and
 * not as part of opening a board.
 */
export { boardToBpmn } from './bpmn/export-bpmn.ts'
export { importBoardFile } from './import-file.ts'
export { boardToMermaid } from './mermaid/export-mermaid.ts'
