/**
 * The import report's lines as the reader meets elements: each element is counted once, under the
 * words for its kind, so the lines add up to the elements read by construction.
 */
import type { ReportLine } from '../import-report.ts'

export class ReportTally {
  private readonly mappedLines = new Map<string, { what: string; became: string; count: number }>()
  private readonly keptLines = new Map<string, number>()
  readonly notices: string[] = []

  mapped(what: string, became: string, count = 1): void {
    if (count === 0) return
    const key = `${what}\u0000${became}`
    const line = this.mappedLines.get(key)
    if (line === undefined) this.mappedLines.set(key, { what, became, count })
    else line.count += count
  }

  keptAsNote(what: string): void {
    this.keptLines.set(what, (this.keptLines.get(what) ?? 0) + 1)
  }

  mappedLinesInOrder(): ReportLine[] {
    return [...this.mappedLines.values()].map(({ count, what, became }) => ({ count, what, became }))
  }

  keptLinesInOrder(): ReportLine[] {
    return [...this.keptLines].map(([what, count]) => ({ count, what, became: 'notes' }))
  }

  total(): number {
    let sum = 0
    for (const line of this.mappedLines.values()) sum += line.count
    for (const count of this.keptLines.values()) sum += count
    return sum
  }
}
