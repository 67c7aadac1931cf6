// Where the board page gets its store, Y.Doc and connection state: the sync layer's hook
// (docs/architecture.md). This one line is the seam between the board UI and sync.
export { type BoardSync as BoardSource, useBoardSync as useBoardSource } from '../sync/use-board-sync.ts'
