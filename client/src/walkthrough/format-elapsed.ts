/** Hours of a working day, as the step cards count them (workflow-vocabulary's formatHours). */
const WORKDAY_HOURS = 8

/** Elapsed walk time as a facilitator says it: "0 h", "5.5 h", "2 d 3 h" (a day being 8 working hours). */
export function formatElapsed(hours: number): string {
  const rounded = Math.round(hours * 10) / 10
  const days = Math.floor(rounded / WORKDAY_HOURS)
  const rest = Math.round((rounded - days * WORKDAY_HOURS) * 10) / 10
  if (days === 0) return `${rest} h`
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`
}
