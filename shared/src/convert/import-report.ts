/**
 * What an import says it did with every element of the source file, so nothing is dropped silently:
 * each element the source holds is counted in exactly one line, either mapped to a Flowmap element or
 * kept as a note near its neighbours. `elementCount` is the number of source elements the reader saw;
 * the lines' counts add up to it (the converters' tests hold them to that).
 */

export const IMPORT_FORMATS = ['bpmn', 'mermaid', 'json'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** "12 tasks became steps", "3 boundary timer events kept as notes". */
export type ReportLine = {
  readonly count: number
  /** The source's name for the elements, plural, as a person reads it: "boundary timer events". */
  readonly what: string
  /** What they became on the board: "steps", "notes". */
  readonly became: string
}

export type ImportReport = {
  readonly format: ImportFormat
  /** The tool that wrote the file, when it says (BPMN's `exporter` and `exporterVersion`). */
  readonly writtenBy: string | null
  readonly elementCount: number
  /** Elements that became Flowmap elements of their own kind. */
  readonly mapped: readonly ReportLine[]
  /** Elements with no Flowmap counterpart, kept as notes near their neighbours. */
  readonly keptAsNotes: readonly ReportLine[]
  /** Anything else a person should know ("14 elements had no diagram layout and were laid out"). */
  readonly notices: readonly string[]
}

/** "tasks" → "task", "subprocesses" → "subprocess", "activities" → "activity". */
function singularWord(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y')
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.replace(/es$/, '')
  return word.replace(/s$/, '')
}

/**
 * A plural phrase for one element, by its first plural word ("boundary timer events" → "boundary timer
 * event", "links to or from a subgraph" → "link to or from a subgraph"), with an article when asked; a
 * phrase about something definite ("the board") or with no plural word stays as it is.
 */
function singular(phrase: string, article: boolean): string {
  if (phrase.startsWith('the ')) return phrase
  const words = phrase.split(' ')
  const at = words.findIndex((word) => /[a-z]s$/.test(word) && !/ss$/.test(word))
  if (at === -1) return phrase
  words[at] = singularWord(words[at]!)
  const one = words.join(' ')
  return article ? `${/^[aeiou]/i.test(one) ? 'an' : 'a'} ${one}` : one
}

function lineSentence(line: ReportLine, kept: boolean): string {
  if (line.count === 1) {
    const what = singular(line.what, false)
    return kept ? `1 ${what} kept as a note` : `1 ${what} became ${singular(line.became, true)}`
  }
  return kept
    ? `${line.count} ${line.what} kept as notes`
    : `${line.count} ${line.what} became ${line.became}`
}

/** The report as sentences, in the order a person reads them: what was kept, what became notes, the rest. */
export function reportSentences(report: ImportReport): string[] {
  return [
    ...report.mapped.map((line) => lineSentence(line, false)),
    ...report.keptAsNotes.map((line) => lineSentence(line, true)),
    ...report.notices,
  ]
}

/** The report as plain text for the clipboard: a heading and one sentence a line. */
export function reportText(report: ImportReport): string {
  const source = report.writtenBy === null ? '' : ` (written by ${report.writtenBy})`
  const heading = `Imported ${report.elementCount} elements from ${report.format.toUpperCase()}${source}`
  return [heading, ...reportSentences(report).map((sentence) => `- ${sentence}`)].join('\n')
}
