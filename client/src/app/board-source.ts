// Where the board page gets its store and Y.Doc. This is the one line that picks the source:
// the sync layer's useBoardSync once it exists, the in-tab stand-in until then.
export { useLocalBoard as useBoardSource } from './use-local-board.ts'
