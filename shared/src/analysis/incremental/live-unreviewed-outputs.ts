import type { WorkflowNode } from '../../graph/workflow-graph.ts'
import type { GraphDelta } from '../../lint/incremental/live-graph.ts'
import { type FlowReader, type UnreviewedReach, unreviewedOutput } from '../governance.ts'

/**
 * Where each AI step's output goes unreviewed (`unreviewedOutput`), kept per step across edits. The
 * walk reports every shape it looked at; only a change to one of those can change its answer (a shape
 * it looked at changed what it is or who does it, or a connector out of it was rebuilt),
 * so an edit forgets just the answers of the steps whose walk saw the shapes it touched.
 */
export type LiveUnreviewedOutputs = {
  /** The answer for a step, walked now or remembered from an earlier walk that is still valid. */
  reachOf: UnreviewedReach
  /** Forgets the answers a delta can change. */
  absorb(delta: GraphDelta): void
  /** Roles decide who is human: every answer may change. */
  forgetAll(): void
}

/** Node changes that leave every walk as it was: its label, place, timing. */
function walkReads(before: WorkflowNode | undefined, after: WorkflowNode | undefined): boolean {
  if (before === undefined || after === undefined) return true
  if (before.type !== after.type || before.owner !== after.owner) return true
  const a = before.shape.props as unknown as Record<string, unknown>
  const b = after.shape.props as unknown as Record<string, unknown>
  return (
    a.automation !== b.automation ||
    a.kind !== b.kind ||
    JSON.stringify(a.accountable) !== JSON.stringify(b.accountable)
  )
}

export function createLiveUnreviewedOutputs(reader: FlowReader): LiveUnreviewedOutputs {
  const answers = new Map<string, { reachesId: string | null; visited: string[] }>()
  /** Shape id → the steps whose walk looked at it. */
  const seenBy = new Map<string, Set<string>>()

  function forget(stepId: string) {
    const answer = answers.get(stepId)
    if (answer === undefined) return
    answers.delete(stepId)
    for (const id of answer.visited) {
      const steps = seenBy.get(id)
      steps?.delete(stepId)
      if (steps?.size === 0) seenBy.delete(id)
    }
  }
  const forgetWalksThrough = (shapeId: string | null | undefined) => {
    if (shapeId == null) return
    for (const stepId of [...(seenBy.get(shapeId) ?? [])]) forget(stepId)
  }

  return {
    reachOf(step) {
      const known = answers.get(step.id)
      if (known !== undefined) return known.reachesId
      const answer = unreviewedOutput(step, reader)
      answers.set(step.id, answer)
      for (const id of answer.visited) {
        const steps = seenBy.get(id)
        if (steps) steps.add(step.id)
        else seenBy.set(id, new Set([step.id]))
      }
      return answer.reachesId
    },
    absorb(delta) {
      for (const [id, { before, after }] of delta.nodes) if (walkReads(before, after)) forgetWalksThrough(id)
      // Every rebuilt connector counts, changed or not: one rebuilds when a shape it holds appears,
      // goes or changes type, and whether its far end is a node decides where a walk goes on.
      for (const { before, after } of delta.edges.values()) {
        forgetWalksThrough(before?.from)
        forgetWalksThrough(after?.from)
      }
    },
    forgetAll() {
      answers.clear()
      seenBy.clear()
    },
  }
}
