import { type LockHolder, parseLockHolder } from './lock-holder.ts'
import { defineWorkshopField } from './workshop-field.ts'

/** The whole board is locked: only facilitators edit it until a facilitator unlocks it (removes the field). */
export type BoardLock = LockHolder

export const boardLockField = defineWorkshopField({
  key: 'boardLock',
  title: 'the board lock',
  parse: parseLockHolder,
})
