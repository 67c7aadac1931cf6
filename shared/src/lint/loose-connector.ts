import { defineRule } from './lint-rule.ts'

/** A connector must join two shapes; a loose end says nothing about where the work goes. */
export const looseConnector = defineRule({
  id: 'loose-connector',
  title: 'Connector with a loose end',
  severity: 'error',
  scopes: [
    {
      kind: 'edge',
      check(edge) {
        if (edge.from !== null && edge.to !== null) return null
        const attached = edge.from ?? edge.to
        const which =
          edge.from === null && edge.to === null ? 'both ends' : edge.from === null ? 'its start' : 'its end'
        const kind =
          edge.flow === 'sequence'
            ? 'Connector'
            : `${edge.flow[0]!.toUpperCase()}${edge.flow.slice(1)} connector`
        return {
          message: `${kind} has ${which} loose: attach ${edge.from === null && edge.to === null ? 'them' : 'it'} to a shape`,
          shapeIds: attached === null ? [edge.id] : [edge.id, attached],
        }
      },
    },
  ],
})
