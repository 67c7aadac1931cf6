import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { workflowShape } from '../testing/shape-records.ts'
import { writeBoard } from './board.ts'
import { declareBoardRoots } from './doc-maps.ts'
import { type ForeignRoot, foreignRootTouchedBy } from './foreign-root.ts'
import { writeRecord } from './records.ts'
import { writeRole } from './roles.ts'

/** What foreignRootTouchedBy says of the update `write` makes, applied to a doc like the server's shadow. */
function foreignRootOf(write: (doc: Y.Doc) => void, base?: (doc: Y.Doc) => void): ForeignRoot | null {
  const author = new Y.Doc()
  base?.(author)
  const shadow = declareBoardRoots(new Y.Doc())
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(author))
  const before = Y.encodeStateVector(author)
  write(author)
  let found: ForeignRoot | null | undefined
  shadow.on('afterTransaction', (transaction: Y.Transaction) => {
    found = foreignRootTouchedBy(transaction)
  })
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(author, before))
  if (found === undefined) throw new Error('the update made no transaction')
  return found
}

describe('foreignRootTouchedBy', () => {
  test('an update that writes records, roles and board fields only stays inside the layout', () => {
    expect(
      foreignRootOf((doc) => {
        writeRecord(doc, workflowShape('step', { id: 'a' }))
        writeRole(doc, { id: 'role:legal', name: 'Legal', color: '#c33', kind: 'team' })
        writeBoard(doc, { title: 'Onboarding' })
      }),
    ).toBeNull()
  })

  test('a top-level type the layout does not have is named, whatever its kind', () => {
    expect(foreignRootOf((doc) => doc.getMap('notes').set('n', 1))).toEqual({ name: 'notes' })
    expect(foreignRootOf((doc) => doc.getText('body').insert(0, 'hi'))).toEqual({ name: 'body' })
  })

  test('a change deep inside a foreign root is traced up to it', () => {
    const inner = (doc: Y.Doc) => doc.getMap('notes').get('page') as Y.Map<unknown>
    expect(
      foreignRootOf(
        (doc) => inner(doc).set('line', 'x'),
        (doc) => doc.getMap('notes').set('page', new Y.Map()),
      ),
    ).toEqual({ name: 'notes' })
  })

  test('one foreign write among honest ones is still found', () => {
    expect(
      foreignRootOf((doc) => {
        writeRecord(doc, workflowShape('step', { id: 'a' }))
        doc.getArray('log').push(['entry'])
      }),
    ).toEqual({ name: 'log' })
  })
})
