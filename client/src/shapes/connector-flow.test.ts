import type { TLArrowShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { dashForFlow, flowForDash, reconcileFlowAndDash, withFlowOnCreate } from './connector-flow.ts'

function arrow(dash: TLArrowShape['props']['dash'], meta: Record<string, string> = {}): TLArrowShape {
  return { id: 'shape:a', type: 'arrow', props: { dash }, meta } as unknown as TLArrowShape
}

describe('flow kind and dash style', () => {
  it('maps sequence to solid, dependency to dashed, information to dotted, and back', () => {
    expect(dashForFlow('sequence')).toBe('solid')
    expect(dashForFlow('dependency')).toBe('dashed')
    expect(dashForFlow('information')).toBe('dotted')
    expect(flowForDash('dashed')).toBe('dependency')
    expect(flowForDash('draw')).toBeNull()
  })

  it('a new hand-drawn arrow becomes a solid sequence flow', () => {
    const created = withFlowOnCreate(arrow('draw'))
    expect(created.props.dash).toBe('solid')
    expect(created.meta.flow).toBe('sequence')
  })

  it('a new arrow drawn with the dotted style is an information flow', () => {
    expect(withFlowOnCreate(arrow('dotted')).meta.flow).toBe('information')
  })

  it('a new arrow that already names its flow (a paste) keeps it and gets its dash', () => {
    const pasted = withFlowOnCreate(arrow('solid', { flow: 'dependency' }))
    expect(pasted.props.dash).toBe('dashed')
    expect(pasted.meta.flow).toBe('dependency')
  })

  it('choosing a flow kind sets the dash', () => {
    const next = reconcileFlowAndDash(
      arrow('solid', { flow: 'sequence' }),
      arrow('solid', { flow: 'dependency' }),
    )
    expect(next.props.dash).toBe('dashed')
  })

  it('choosing a dash in the style panel sets the flow kind, keeping other meta', () => {
    const next = reconcileFlowAndDash(
      arrow('solid', { flow: 'sequence', branch: 'yes' }),
      arrow('dotted', { flow: 'sequence', branch: 'yes' }),
    )
    expect(next.meta).toEqual({ flow: 'information', branch: 'yes' })
  })

  it('switching to the hand-drawn dash keeps the flow kind', () => {
    const next = reconcileFlowAndDash(
      arrow('dashed', { flow: 'dependency' }),
      arrow('draw', { flow: 'dependency' }),
    )
    expect(next.meta.flow).toBe('dependency')
    expect(next.props.dash).toBe('draw')
  })
})
