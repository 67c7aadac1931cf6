import type { BoardTemplate } from './board-template.ts'

/** An empty board: what "Create board" made before templates. */
export const blankTemplate: BoardTemplate = {
  id: 'blank',
  name: 'Blank board',
  description: 'An empty board to map anything from scratch.',
  roles: [],
  records: [],
}
