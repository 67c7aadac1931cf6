import { expect, test } from 'vitest'
import { addedProp } from './workflow-shape-definition.ts'

const migration = addedProp('com.tldraw.shape.example/1', 'estimate', null)

test("an added prop's migration gives an older record the default and keeps a value already there", () => {
  const older: Record<string, unknown> = { w: 1, h: 1 }
  migration.up(older)
  expect(older).toEqual({ w: 1, h: 1, estimate: null })
  // A record written by a newer client under an older board schema already holds the prop.
  const newer: Record<string, unknown> = { w: 1, h: 1, estimate: 4 }
  migration.up(newer)
  expect(newer).toEqual({ w: 1, h: 1, estimate: 4 })
})

test("going down, an added prop's migration removes the prop, so an older client can read the record", () => {
  const props: Record<string, unknown> = { w: 1, h: 1, estimate: 4 }
  if (typeof migration.down !== 'function') throw new Error('an added prop always has a down migration')
  migration.down(props)
  expect(props).toEqual({ w: 1, h: 1 })
})
