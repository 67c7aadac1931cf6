import type { DocOrigin } from '../doc/origin.ts'

/** The origin of transactions that rebuild a past state: never synced, never undone. */
export const historyOrigin: DocOrigin = Object.freeze({ source: 'replay' })
