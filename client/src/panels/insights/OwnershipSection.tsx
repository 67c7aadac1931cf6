import type { OwnershipInsights } from '@flowmap/shared'
import { BarChart } from './BarChart.tsx'

type OwnershipSectionProps = {
  ownership: OwnershipInsights
  stepCount: number
  nameOf(roleId: string): string
  colorOf(roleId: string): string | undefined
  onFocus(shapeIds: readonly string[]): void
}

/** Steps per role, the steps nobody owns, and the roles that carry too much or stand on every path. */
export function OwnershipSection({ ownership, stepCount, nameOf, colorOf, onFocus }: OwnershipSectionProps) {
  return (
    <>
      <h3 className="flowmap-insights__heading">Ownership</h3>
      {stepCount === 0 ? (
        <p className="flowmap-panel__empty">No steps yet.</p>
      ) : (
        <>
          <BarChart
            label="Steps per role"
            rows={[
              ...ownership.stepsPerRole.map((role) => ({
                key: role.roleId,
                label: role.name,
                value: role.steps,
                caption: `${role.steps} · ${Math.round(role.share * 100)}%`,
                color: colorOf(role.roleId) ?? '#4263eb',
                flagged:
                  ownership.overloadedRoleIds.includes(role.roleId) ||
                  ownership.singlePointsOfFailure.includes(role.roleId),
              })),
              ...(ownership.unownedStepIds.length > 0
                ? [
                    {
                      key: 'unowned',
                      label: 'No owner',
                      value: ownership.unownedStepIds.length,
                      color: '#adb5bd',
                      onClick: () => onFocus(ownership.unownedStepIds),
                    },
                  ]
                : []),
            ]}
          />
          <ul className="flowmap-insights__findings" data-testid="ownership-findings">
            {ownership.overloadedRoleIds.map((roleId) => (
              <li key={`over-${roleId}`}>
                <strong>{nameOf(roleId)}</strong> owns more than a third of the steps
              </li>
            ))}
            {ownership.singlePointsOfFailure.map((roleId) => (
              <li key={`spof-${roleId}`}>
                <strong>{nameOf(roleId)}</strong> is on every path from start to end: a single point of
                failure
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
