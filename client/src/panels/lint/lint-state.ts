import type { LintIssue } from '@flowmap/shared'
import { type Atom, atom, type Computed, computed, type Editor } from 'tldraw'

/**
 * The board's current lint issues, per editor, so the panel, the badges drawn over the canvas and the
 * toolbar count read one list. An atom kept per editor (as board-roles.ts does for roles): the canvas
 * overlay is rendered by tldraw and only knows its editor.
 */
const issuesByEditor = new WeakMap<Editor, Atom<readonly LintIssue[]>>()

export function lintIssuesAtom(editor: Editor): Atom<readonly LintIssue[]> {
  let issues = issuesByEditor.get(editor)
  if (!issues) {
    issues = atom<readonly LintIssue[]>('lint issues', [])
    issuesByEditor.set(editor, issues)
  }
  return issues
}

const byShapeByEditor = new WeakMap<Editor, Computed<Map<string, ShapeIssues>>>()

/** `issuesByShape` of the editor's current issues, recomputed only when they change (not per frame). */
export function lintIssuesByShape(editor: Editor): Computed<Map<string, ShapeIssues>> {
  let byShape = byShapeByEditor.get(editor)
  if (!byShape) {
    const issues = lintIssuesAtom(editor)
    byShape = computed('lint issues by shape', () => issuesByShape(issues.get()))
    byShapeByEditor.set(editor, byShape)
  }
  return byShape
}

export type ShapeIssues = { severity: LintIssue['severity']; messages: string[] }

/**
 * What each shape's badge says: the issues naming it, the worst severity first. An issue about
 * several shapes (a cycle, a duplicate label) badges each of them.
 */
export function issuesByShape(issues: readonly LintIssue[]): Map<string, ShapeIssues> {
  const byShape = new Map<string, ShapeIssues>()
  for (const issue of issues) {
    for (const id of issue.shapeIds) {
      const entry = byShape.get(id)
      if (entry === undefined) byShape.set(id, { severity: issue.severity, messages: [issue.message] })
      else {
        if (issue.severity === 'error') entry.severity = 'error'
        if (!entry.messages.includes(issue.message)) entry.messages.push(issue.message)
      }
    }
  }
  return byShape
}
