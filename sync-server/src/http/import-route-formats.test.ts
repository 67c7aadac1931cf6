/**
 * The import routes with BPMN and Mermaid files: a good file makes or fills a board; a hostile one is
 * refused with the converter's sentence and leaves the board's history as it was.
 */
import { readBoardImportBody, readCreatedBoardFromFileBody, readRecords } from '@flowmap/shared'
import { describe, expect, it, vi } from 'vitest'
import { requestJson } from '../testing/http-client.ts'
import { postFile } from '../testing/import-client.ts'
import { useTestServer } from '../testing/use-test-server.ts'

type TLRecord = ReturnType<typeof readRecords>[number]

const server = useTestServer({ per: 'suite', config: {} })

// Imitates a file bpmn.io (Camunda Modeler) writes without its diagram: one lane, a start event, two
// tasks, an exclusive gateway, an end event.
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1"
  targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.20.0">
  <bpmn:process id="Orders" name="Order handling" isExecutable="false">
    <bpmn:laneSet id="LaneSet_1">
      <bpmn:lane id="Lane_Sales" name="Sales">
        <bpmn:flowNodeRef>Start</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Check</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Ok</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Ship</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>End</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start" name="Order in" />
    <bpmn:task id="Check" name="Check order" />
    <bpmn:exclusiveGateway id="Ok" name="In stock?" />
    <bpmn:task id="Ship" name="Ship order" />
    <bpmn:endEvent id="End" name="Shipped" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Check" />
    <bpmn:sequenceFlow id="F2" sourceRef="Check" targetRef="Ok" />
    <bpmn:sequenceFlow id="F3" name="yes" sourceRef="Ok" targetRef="Ship" />
    <bpmn:sequenceFlow id="F4" sourceRef="Ship" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>
`

const MERMAID = `flowchart LR
  start([Order in]) --> check[Check order]
  check --> ok{In stock?}
  ok -->|yes| ship[Ship order]
  ship --> done([Shipped])
`

const formats = [
  { format: 'bpmn', name: 'orders.bpmn', text: BPMN },
  { format: 'mermaid', name: 'orders.mmd', text: MERMAID },
] as const

function stepLabels(records: readonly TLRecord[]): string[] {
  return records
    .filter((record) => record.typeName === 'shape' && record.type === 'step')
    .map((record) => (record.props as { label: string }).label)
    .sort()
}

for (const { format, name, text } of formats) {
  describe(`${format} files through the import routes`, () => {
    it(`a ${name} posted to POST /api/boards makes a new board from it`, async () => {
      const created = await postFile(`${server.url}/api/boards?name=${name}`, text)
      expect(created.status).toBe(201)
      const read = readCreatedBoardFromFileBody(created.body)
      if (!read.ok) throw new Error(read.reason)
      expect(read.body.report.format).toBe(format)
      const board = server.connect(read.body.id)
      await board.synced
      expect(stepLabels(readRecords(board.doc))).toEqual(['Check order', 'Ship order'])
    })

    it(`a ${format} file imported into a live board reaches a connected client`, async () => {
      const created = await requestJson(`${server.url}/api/boards`, {
        method: 'POST',
        body: { title: 'Live' },
      })
      const id = (created.body as { id: string }).id
      const watcher = server.connect(id)
      await watcher.synced
      const answer = await postFile(`${server.url}/api/boards/${id}/import?format=${format}`, text)
      expect(answer.status).toBe(200)
      const read = readBoardImportBody(answer.body)
      if (!read.ok) throw new Error(read.reason)
      expect(read.body.report.format).toBe(format)
      await vi.waitFor(() =>
        expect(stepLabels(readRecords(watcher.doc))).toEqual(['Check order', 'Ship order']),
      )
    })
  })
}

const HOSTILE: readonly { what: string; name: string; text: string; sentence: RegExp }[] = [
  {
    what: 'an external entity (XXE)',
    name: 'xxe.bpmn',
    text: `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${BPMN.replace('name="Check order"', 'name="&x;"').replace(/^<\?xml[^>]*>\n/, '')}`,
    sentence: /DTD|DOCTYPE/,
  },
  {
    what: 'entity expansion (billion laughs)',
    name: 'laughs.bpmn',
    text: `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n${BPMN.replace('name="Check order"', 'name="&c;"').replace(/^<\?xml[^>]*>\n/, '')}`,
    sentence: /DTD|DOCTYPE/,
  },
  {
    what: 'nesting thousands deep',
    name: 'deep.bpmn',
    text: BPMN.replace(
      '<bpmn:task id="Check" name="Check order" />',
      `<bpmn:task id="Check" name="Check order"><bpmn:extensionElements>${'<x:n xmlns:x="urn:x">'.repeat(5000)}${'</x:n>'.repeat(5000)}</bpmn:extensionElements></bpmn:task>`,
    ),
    sentence: /100/,
  },
  { what: 'a truncated file', name: 'cut.bpmn', text: BPMN.slice(0, BPMN.length / 2), sentence: /./ },
  {
    what: 'a dangling reference',
    name: 'dangling.bpmn',
    text: BPMN.replace('targetRef="End"', 'targetRef="Nowhere"'),
    sentence: /Nowhere/,
  },
  {
    what: 'the wrong namespace',
    name: 'svg.xml',
    text: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    sentence: /svg|SVG/,
  },
]

describe('a hostile file through the import route', () => {
  it.each(HOSTILE)(
    '$what is refused with its sentence and the board keeps its history',
    async ({ name, text, sentence }) => {
      const created = await requestJson(`${server.url}/api/boards`, {
        method: 'POST',
        body: { title: 'Kept' },
      })
      const id = (created.body as { id: string }).id
      const before = await server.storage.lastSeq(id)
      const answer = await postFile(`${server.url}/api/boards/${id}/import?name=${name}`, text)
      expect(answer.status).toBe(400)
      expect((answer.body as { message: string }).message).toMatch(sentence)
      expect(await server.storage.lastSeq(id)).toBe(before)
    },
  )
})
