import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import {
  BOARD_EXPORT_FORMAT,
  BOARD_EXPORT_VERSION,
  type BoardExportBody,
  workflowGraphJson,
} from '../../protocol/http-export-body.ts'
import { flowmapSchema } from '../../schema/flowmap-schema.ts'
import { MAX_JSON_DEPTH } from '../../schema/limits.ts'
import type { Role } from '../../schema/role.ts'
import { generateWorkflowMap } from '../../testing/generate-workflow-map.ts'
import { pageRecord } from '../../testing/shape-records.ts'
import { approvalRoles, cleanApprovalMap } from '../../testing/small-maps.ts'
import { importBoardFile } from '../import-file.ts'
import { jsonToContent, MAX_EXPORT_TEXT_DEPTH } from './import-json.ts'

function exportOf(records: TLRecord[], roles: Role[], title = 'Order to cash'): BoardExportBody {
  return {
    format: BOARD_EXPORT_FORMAT,
    version: BOARD_EXPORT_VERSION,
    exportedAt: '2026-12-01T10:00:00.000Z',
    seq: 4,
    board: { id: 'board-1', title, schema: flowmapSchema.serialize() },
    roles,
    records,
    graph: workflowGraphJson(toWorkflowGraph(records, roles)),
  }
}

const page = pageRecord()

function refusal(text: string): string {
  const read = jsonToContent(text)
  if (read.ok) throw new Error('expected a refusal')
  return read.reason
}

describe('JSON import of a board export', () => {
  test('an export reads back as its records, roles and title, each record kind counted', () => {
    const records = [page, ...cleanApprovalMap()]
    const read = jsonToContent(JSON.stringify(exportOf(records, approvalRoles)))
    if (!read.ok) throw new Error(read.reason)
    expect(read.content).toEqual({ title: 'Order to cash', roles: approvalRoles, records })
    expect(read.report.format).toBe('json')
    expect(read.report.elementCount).toBe(records.length + approvalRoles.length)
    expect(read.report.mapped).toEqual([
      { count: 1, what: 'pages', became: 'pages' },
      { count: 1, what: 'stages', became: 'stages' },
      { count: 1, what: 'lanes', became: 'lanes' },
      { count: 2, what: 'events', became: 'events' },
      { count: 3, what: 'steps', became: 'steps' },
      { count: 1, what: 'decisions', became: 'decisions' },
      { count: 7, what: 'connectors', became: 'connectors' },
      { count: 14, what: 'connector ends', became: 'connector ends' },
      { count: 2, what: 'roles', became: 'roles' },
    ])
    const counted = read.report.mapped.reduce((sum, line) => sum + line.count, 0)
    expect(counted).toBe(read.report.elementCount)
  })

  test('property: every generated map round trips through its export, record for record', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 30 }), (seed, nodes) => {
        const map = generateWorkflowMap({ nodes, edges: nodes, seed })
        const read = jsonToContent(JSON.stringify(exportOf(map.records, map.roles)))
        if (!read.ok) throw new Error(read.reason)
        expect(read.content.records).toEqual(map.records)
        expect(read.content.roles).toEqual(map.roles)
        expect(read.report.elementCount).toBe(map.records.length + map.roles.length)
      }),
      { numRuns: 25 },
    )
  })

  test('records written under an older schema are migrated up, as a board load migrates them', () => {
    const [step] = cleanApprovalMap().filter(
      (record) => record.typeName === 'shape' && record.type === 'step',
    )
    const current = flowmapSchema.serialize()
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 0 } }
    const down = flowmapSchema.migratePersistedRecord(step as TLRecord, older, 'down')
    if (down.type !== 'success') throw new Error(down.reason)
    expect(down.value).not.toEqual(step)
    const body = { ...exportOf([down.value], []), board: { id: 'b', title: 'Old', schema: older } }
    const read = jsonToContent(JSON.stringify(body))
    if (!read.ok) throw new Error(read.reason)
    expect(read.content.records).toEqual([step])
    expect(read.report.notices).toEqual(['the records were written by an older Flowmap and were migrated'])
  })

  test('an export written by a newer Flowmap is refused, naming both versions', () => {
    expect(refusal(JSON.stringify({ ...exportOf([], []), version: BOARD_EXPORT_VERSION + 1 }))).toBe(
      `the file is a version ${BOARD_EXPORT_VERSION + 1} board export, newer than the version ${BOARD_EXPORT_VERSION} this Flowmap reads: update Flowmap to import it`,
    )
    const current = flowmapSchema.serialize()
    const known = current.sequences['com.tldraw.shape.step'] as number
    const newer = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': known + 1 } }
    const body = { ...exportOf([], []), board: { id: 'b', title: 'New', schema: newer } }
    expect(refusal(JSON.stringify(body))).toBe(
      `the file's records were written by a newer Flowmap (com.tldraw.shape.step version ${known + 1}, this Flowmap knows ${known}): update Flowmap to import it`,
    )
  })

  test('a file that is not a Flowmap export is refused with a sentence saying what it is', () => {
    expect(refusal('flowchart LR\n a --> b')).toMatch(/^the file is not JSON \(/)
    expect(refusal(JSON.stringify(exportOf(cleanApprovalMap(), [])).slice(0, 500))).toMatch(
      /^the file is not JSON \(/,
    )
    expect(refusal('[1, 2]')).toBe('the file is JSON but not a Flowmap board export: it is not a JSON object')
    expect(refusal('{"format": "excalidraw", "version": 2}')).toBe(
      'the file is JSON but not a Flowmap board export: it has format "excalidraw", where an export has "format": "flowmap-board"',
    )
    expect(refusal('{"records": []}')).toMatch(/it has no "format"/)
    expect(refusal('{"format": "flowmap-board", "version": "1"}')).toBe(
      `the board export's "version" must be a whole number, got "1"`,
    )
    expect(refusal('{"format": "flowmap-board", "version": 1, "board": {}, "roles": []}')).toBe(
      'the board export has no "records" list',
    )
  })

  test('a file nested deeper than an export can be is refused before it is parsed, the limit named', () => {
    const deep = `{"format":"flowmap-board","version":1,"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`
    expect(refusal(deep)).toBe(
      `the file nests values more than ${MAX_EXPORT_TEXT_DEPTH} levels deep; a Flowmap export nests a record 4 levels in and its values at most ${MAX_JSON_DEPTH} (MAX_JSON_DEPTH)`,
    )
  })

  test('an export at the deepest an honest one can be still reads; one level more is refused', () => {
    // A step sits deepest in an export: in the graph's node list as its `shape`. Its meta nested as
    // deep as a record may hold it (MAX_JSON_DEPTH levels from the record).
    const withMeta = (levels: number) => {
      let meta: unknown = 1
      for (let level = 0; level < levels; level++) meta = { a: meta }
      return cleanApprovalMap().map((record) =>
        record.id === 'shape:intake' ? ({ ...record, meta: { deep: meta } } as TLRecord) : record,
      )
    }
    const deepest = withMeta(MAX_JSON_DEPTH - 2)
    const read = jsonToContent(JSON.stringify(exportOf(deepest, approvalRoles)))
    if (!read.ok) throw new Error(read.reason)
    expect(read.content.records).toEqual(deepest)
    expect(refusal(JSON.stringify(exportOf(withMeta(MAX_JSON_DEPTH - 1), approvalRoles)))).toMatch(
      /^the file nests values more than/,
    )
  })

  test('a record or role that fails validation refuses the whole file, naming it', () => {
    const [first, ...rest] = cleanApprovalMap()
    const broken = { ...first, props: { ...(first as { props: object }).props, label: 42 } } as TLRecord
    expect(refusal(JSON.stringify(exportOf([broken, ...rest], [])))).toMatch(
      /^the file holds a record Flowmap cannot store: stage shape:stage: props\.label/,
    )
    const camera = { id: 'camera:1', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} } as unknown as TLRecord
    expect(refusal(JSON.stringify(exportOf([camera], [])))).toMatch(/camera records are session-scoped/)
    const badRole = { id: 'role:x', name: '', color: 'red', kind: 'robot' } as unknown as Role
    expect(refusal(JSON.stringify(exportOf([], [badRole])))).toMatch(
      /^the file holds a role Flowmap cannot store: /,
    )
    const twice = [...rest.slice(0, 1), ...rest.slice(0, 1)]
    expect(refusal(JSON.stringify(exportOf(twice, [])))).toBe(
      'the board export holds two records with the id "shape:lane-legal"',
    )
    expect(refusal(JSON.stringify({ ...exportOf([], []), records: [null] }))).toBe(
      "the board export's records[0] is not a record (an object with an id and a typeName)",
    )
  })

  test('the one import entry reads a .json file through this reader', async () => {
    const text = JSON.stringify(exportOf(cleanApprovalMap(), approvalRoles))
    const read = await importBoardFile({ name: 'board.json', text })
    expect(read.ok && read.content.records).toEqual(cleanApprovalMap())
    const sniffed = await importBoardFile({ name: '', text })
    expect(sniffed.ok && sniffed.report.format).toBe('json')
  })
})
