import type { LinkProblem } from './link-problem.ts'
import './share.css'

/** The whole page when a link cannot open the board: what is wrong, what to do, and a way home. */
export function LinkNotValidPage({ problem }: { problem: LinkProblem }) {
  return (
    <main className="flowmap-link-problem" role="alert" data-testid="link-problem" data-kind={problem.kind}>
      <h1 className="flowmap-link-problem__title">{problem.title}</h1>
      <p className="flowmap-link-problem__detail">{problem.detail}</p>
      <a
        className="flowmap-button flowmap-button--primary flowmap-link-problem__home"
        href="/"
        data-testid="link-problem-home"
      >
        Go to the home page
      </a>
    </main>
  )
}
