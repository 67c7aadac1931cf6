import type { WorkflowGraph } from '../graph/workflow-graph.ts'
import { percent, steps } from './flow-walk.ts'
import type { HandoffInsights } from './handoffs.ts'

export type MaturityDimension = 'clarity' | 'coordination' | 'completion' | 'collaboration'

/**
 * A fact behind a score: `value` of `of` (a share, "3 of 5 steps with an owner"), or, for a `target`,
 * a count measured against the number at which it counts as full ("4 people edited": full marks).
 */
export type MaturityFact = { label: string; value: number; of: number; percent: number; target: boolean }

/** One of the four Cs: a score 0–100 and the facts it was computed from, each a share 0–100. */
export type MaturityScore = {
  dimension: MaturityDimension
  score: number
  facts: MaturityFact[]
}

/** How a fact reads to a person, without its percentage. */
export function describeFact(fact: MaturityFact): string {
  if (!fact.target) return `${fact.value} of ${fact.of} ${fact.label}`
  return `${fact.label[0]!.toUpperCase()}${fact.label.slice(1)}: ${fact.value} (${fact.of} count as full)`
}

export type MaturityContext = {
  handoffs: HandoffInsights
  /** Distinct people who edited the board (from its history); unknown when absent. */
  contributors?: number
}

/** People and roles at which collaboration counts as full: a workshop of four across three roles. */
const FULL_CONTRIBUTORS = 4
const FULL_ROLES = 3

/**
 * The four Cs of workflow architecture. Each score is the mean of its facts' shares, so a person can
 * see which fact holds it back.
 */
export function maturityScorecard(graph: WorkflowGraph, context: MaturityContext): MaturityScore[] {
  const allSteps = steps(graph)
  const n = allSteps.length
  const count = (predicate: (step: (typeof allSteps)[number]) => boolean) => allSteps.filter(predicate).length
  const stepProps = (step: (typeof allSteps)[number]) =>
    step.shape.type === 'step' ? step.shape.props : null
  const hasOutput = (id: string) =>
    (graph.outgoing.get(id) ?? []).some((edge) => edge.flow === 'information' && edge.to !== null)
  const dependencies = graph.edges.filter((edge) => edge.flow === 'dependency')
  const blockedSteps = allSteps.filter((step) => stepProps(step)?.status === 'blocked')
  const blockedExplained = blockedSteps.filter((step) =>
    (graph.incoming.get(step.id) ?? []).some((edge) => edge.flow === 'dependency'),
  )
  const usedRoles = new Set(allSteps.map((step) => step.owner).filter((owner) => owner !== null))
  const { handoffs } = context.handoffs
  const contributors = context.contributors

  const fact = (label: string, value: number, of: number): MaturityFact => ({
    label,
    value,
    of,
    percent: percent(value, of),
    target: false,
  })
  const capped = (label: string, value: number, full: number): MaturityFact => ({
    label,
    value,
    of: full,
    percent: Math.min(100, percent(value, full)),
    target: true,
  })
  const score = (dimension: MaturityDimension, facts: MaturityScore['facts']): MaturityScore => ({
    dimension,
    facts,
    score: facts.length === 0 ? 0 : Math.round(facts.reduce((sum, f) => sum + f.percent, 0) / facts.length),
  })

  return [
    score('clarity', [
      fact(
        'steps with an owner',
        count((step) => step.owner !== null),
        n,
      ),
      fact(
        'steps with a description',
        count((step) => (stepProps(step)?.description.trim() ?? '') !== ''),
        n,
      ),
      fact(
        'steps with a defined output',
        count((step) => hasOutput(step.id)),
        n,
      ),
    ]),
    score('coordination', [
      fact('handoffs with an information flow', handoffs.filter((h) => h.informed).length, handoffs.length),
      fact(
        'dependencies connected at both ends',
        dependencies.filter((edge) => edge.from !== null && edge.to !== null).length,
        dependencies.length,
      ),
      fact('blocked steps whose blocker is drawn', blockedExplained.length, blockedSteps.length),
    ]),
    score('completion', [
      fact(
        'steps with a status beyond to-do',
        count((step) => stepProps(step)?.status !== 'todo'),
        n,
      ),
      fact(
        'steps done',
        count((step) => stepProps(step)?.status === 'done'),
        n,
      ),
      fact('steps not blocked', n - blockedSteps.length, n),
    ]),
    score('collaboration', [
      ...(contributors === undefined
        ? []
        : [capped('people who edited the map', contributors, FULL_CONTRIBUTORS)]),
      capped('roles owning steps', usedRoles.size, FULL_ROLES),
    ]),
  ]
}
