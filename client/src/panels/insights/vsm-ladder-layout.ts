/**
 * The VSM timeline ladder, laid out in viewport pixels: under each stage a rung of wait (upper,
 * first half of the stage) and a rung of process time (lower, second half), joined into the square
 * wave value-stream maps draw; the totals sit at the right end, past the last stage.
 */
export type LadderStage = { stageId: string; wait: number; process: number; left: number; right: number }

export type LadderRung = {
  stageId: string
  x1: number
  x2: number
  y: number
  hours: number
  kind: 'wait' | 'process'
}

export type LadderLayout = {
  /** SVG path data of the square wave through every rung, left to right. */
  wave: string
  rungs: LadderRung[]
  /** Where the totals box starts, and the two rungs' heights. */
  totalsX: number
  upperY: number
  lowerY: number
}

/** Pixels between the upper and the lower rung. */
export const RUNG_GAP = 26

export function ladderLayout(stages: readonly LadderStage[], top: number): LadderLayout | null {
  const ordered = [...stages].sort((a, b) => a.left - b.left)
  if (ordered.length === 0) return null
  const upperY = top
  const lowerY = top + RUNG_GAP
  const rungs: LadderRung[] = []
  const points: Array<[number, number]> = []
  for (const stage of ordered) {
    const middle = (stage.left + stage.right) / 2
    rungs.push({
      stageId: stage.stageId,
      x1: stage.left,
      x2: middle,
      y: upperY,
      hours: stage.wait,
      kind: 'wait',
    })
    rungs.push({
      stageId: stage.stageId,
      x1: middle,
      x2: stage.right,
      y: lowerY,
      hours: stage.process,
      kind: 'process',
    })
    points.push([stage.left, upperY], [middle, upperY], [middle, lowerY], [stage.right, lowerY])
  }
  const wave = `M${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' L')}`
  return { wave, rungs, totalsX: ordered[ordered.length - 1]!.right + 16, upperY, lowerY }
}
