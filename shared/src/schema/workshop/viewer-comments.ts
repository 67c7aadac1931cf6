import { defineWorkshopField, workshopFieldOk, workshopFieldProblem } from './workshop-field.ts'

/**
 * Whether viewers may comment: a facilitator's board setting. When true, a viewer's page may write
 * comment records (`comment-thread`, `comment`, `comment-reaction`) of its own and nothing else; the
 * server holds them to that. Absent or false: viewers only read.
 */
export const viewerCommentsField = defineWorkshopField({
  key: 'viewerComments',
  title: 'comments by viewers',
  parse(value) {
    if (typeof value !== 'boolean') return workshopFieldProblem('must be true or false')
    return workshopFieldOk(value)
  },
})
