import type { TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { ownerFromLane } from './lane-ownership.ts'

const step = (owner: string | null) => ({ type: 'step', props: { owner } }) as unknown as TLShape<'step'>
const lane = (roleId: string | null) => ({ type: 'lane', props: { roleId } }) as unknown as TLShape
const stage = { type: 'stage', props: {} } as unknown as TLShape

describe('ownerFromLane', () => {
  it("gives an ownerless step the lane's role", () => {
    expect(ownerFromLane(step(null), lane('role:ops'))).toBe('role:ops')
  })
  it('keeps an owner someone already chose', () => {
    expect(ownerFromLane(step('role:legal'), lane('role:ops'))).toBeNull()
  })
  it('assigns nothing from a lane without a role, a stage, or the page', () => {
    expect(ownerFromLane(step(null), lane(null))).toBeNull()
    expect(ownerFromLane(step(null), stage)).toBeNull()
    expect(ownerFromLane(step(null), undefined)).toBeNull()
  })
})
