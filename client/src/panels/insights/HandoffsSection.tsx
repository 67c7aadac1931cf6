import type { HandoffInsights } from '@flowmap/shared'
import { BarChart } from './BarChart.tsx'

type HandoffsSectionProps = {
  handoffs: HandoffInsights
  nameOf(roleId: string): string
  onFocus(shapeIds: readonly string[]): void
}

/** Where work changes hands between roles, and how many of those handoffs carry no information. */
export function HandoffsSection({ handoffs, nameOf, onFocus }: HandoffsSectionProps) {
  return (
    <>
      <h3 className="flowmap-insights__heading">Handoffs</h3>
      {handoffs.perRolePair.length === 0 ? (
        <p className="flowmap-panel__empty">No work changes hands between roles.</p>
      ) : (
        <>
          <BarChart
            label="Handoffs per pair of roles"
            rows={handoffs.perRolePair.map((pair) => ({
              key: `${pair.fromRole}>${pair.toRole}`,
              label: `${nameOf(pair.fromRole)} → ${nameOf(pair.toRole)}`,
              value: pair.count,
              highlight: pair.uninformed,
              caption:
                pair.uninformed > 0 ? `${pair.count} (${pair.uninformed} uninformed)` : `${pair.count}`,
              color: '#74c0fc',
              onClick: () =>
                onFocus(
                  handoffs.handoffs
                    .filter((h) => h.fromRole === pair.fromRole && h.toRole === pair.toRole)
                    .flatMap((h) => [h.from, h.to, h.edgeId]),
                ),
            }))}
          />
          <p className="flowmap-panel__note">
            {handoffs.withoutInformation.length} of {handoffs.handoffs.length} handoffs have no information
            flow beside them (red).
          </p>
        </>
      )}
    </>
  )
}
