import type { OpenVote } from '../schema/workshop/vote.ts'

/** An open vote on the whole board, three votes each, several allowed on one shape; override any field. */
export function openVote(overrides: Partial<OpenVote> = {}): OpenVote {
  return {
    id: 'v1',
    title: 'Where do we lose most time?',
    scope: { kind: 'board' },
    votesPerPerson: 3,
    onePerShape: false,
    openedAt: 1,
    by: 'fay',
    ...overrides,
  }
}
