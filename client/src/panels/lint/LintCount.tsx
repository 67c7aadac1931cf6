import { type Editor, useValue } from 'tldraw'
import { lintIssuesAtom } from './lint-state.ts'
import './lint.css'

type LintCountProps = { editor: Editor | null; onClick?: () => void }

/** The number of open lint issues, for the toolbar; a click brings the Checks panel into view. */
export function LintCount({ editor, onClick }: LintCountProps) {
  const issues = useValue('lint issues', () => (editor ? lintIssuesAtom(editor).get() : []), [editor])
  const errors = issues.filter((issue) => issue.severity === 'error').length
  const label =
    issues.length === 0
      ? 'No structure issues'
      : `${issues.length} structure issue${issues.length === 1 ? '' : 's'}`
  return (
    <button
      type="button"
      className={`flowmap-lint-count${issues.length === 0 ? ' flowmap-lint-count--clear' : errors > 0 ? ' flowmap-lint-count--error' : ''}`}
      data-testid="lint-count"
      data-count={issues.length}
      title={label}
      aria-label={label}
      onClick={() => {
        onClick?.()
        document.getElementById('flowmap-lint-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
      }}
    >
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        <path
          d="M7 1.5 13 12.5H1Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
        <path d="M7 5.5v3.2M7 10.3v.2" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      {issues.length}
    </button>
  )
}
