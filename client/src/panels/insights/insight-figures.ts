import { formatHours } from '../../shapes/workflow-vocabulary.ts'

/** What a figure the map cannot tell yet shows: a dash, never a made-up 0. */
export const UNKNOWN_FIGURE = '—'

/** Hours as the canvas writes them ("4h", "1.5d"); a dash when unknown. */
export function hoursFigure(hours: number | null): string {
  return hours === null ? UNKNOWN_FIGURE : formatHours(hours)
}

/** A share from 0 to 1 as a whole percent ("42%"); a dash when unknown. */
export function shareFigure(share: number | null): string {
  return share === null ? UNKNOWN_FIGURE : `${Math.round(share * 100)}%`
}

/** A value already in percent (0–100) as a whole percent; a dash when unknown. */
export function percentFigure(percent: number | null): string {
  return percent === null ? UNKNOWN_FIGURE : `${Math.round(percent)}%`
}

/** "1 step", "3 steps": counts in sentences. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
