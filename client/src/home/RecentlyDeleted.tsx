import type { DeletedBoard } from './deleted-boards-api.ts'

function day(time: number): string {
  return new Date(time).toLocaleDateString(undefined, { dateStyle: 'medium' })
}

/** The facilitator's "Recently deleted" list: each board with the day it goes for good, and Restore. */
export function RecentlyDeleted({
  boards,
  onRestore,
}: {
  boards: readonly DeletedBoard[]
  onRestore(board: DeletedBoard): void
}) {
  if (boards.length === 0) return null
  return (
    <section className="flowmap-home__deleted" aria-labelledby="flowmap-recently-deleted">
      <h2 id="flowmap-recently-deleted">Recently deleted</h2>
      <ul data-testid="home-deleted-boards">
        {boards.map((board) => (
          <li key={board.id} data-testid="home-deleted-board" data-board-id={board.id}>
            <span className="flowmap-home__deleted-title">{board.title || board.id}</span>
            <span className="flowmap-home__note">
              deleted {day(board.deletedAt)}; restorable until {day(board.restorableUntil)}
            </span>
            <button
              type="button"
              className="flowmap-button"
              aria-label={`Restore ${board.title || board.id}`}
              onClick={() => onRestore(board)}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
