/**
 * The import routes with BPMN and Mermaid files. The converters are built on their own branches: until
 * they are merged, `importBoardFile` throws "… is not built yet" for these formats, and these tests are
 * skipped with that reason (and only for it; any other error fails them).
 */
import {
  importBoardFile,
  readBoardImportBody,
  readCreatedBoardFromFileBody,
  readRecords,
} from '@flowmap/shared'
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

/** The placeholder's "not built yet" sentence while the format's converter is not merged; else null. */
async function notBuiltReason(name: string, text: string): Promise<string | null> {
  try {
    await importBoardFile({ name, text })
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/not built yet/.test(message)) return `skipped until the converter is merged: ${message}`
    throw error
  }
}

const formats = [
  { format: 'bpmn', name: 'orders.bpmn', text: BPMN, reason: await notBuiltReason('orders.bpmn', BPMN) },
  {
    format: 'mermaid',
    name: 'orders.mmd',
    text: MERMAID,
    reason: await notBuiltReason('orders.mmd', MERMAID),
  },
] as const

function stepLabels(records: readonly TLRecord[]): string[] {
  return records
    .filter((record) => record.typeName === 'shape' && record.type === 'step')
    .map((record) => (record.props as { label: string }).label)
    .sort()
}

for (const { format, name, text, reason } of formats) {
  describe(`${format} files through the import routes${reason === null ? '' : ` (${reason})`}`, () => {
    it.skipIf(reason !== null)(`a ${name} posted to POST /api/boards makes a new board from it`, async () => {
      const created = await postFile(`${server.url}/api/boards?name=${name}`, text)
      expect(created.status).toBe(201)
      const read = readCreatedBoardFromFileBody(created.body)
      if (!read.ok) throw new Error(read.reason)
      expect(read.body.report.format).toBe(format)
      const board = server.connect(read.body.id)
      await board.synced
      expect(stepLabels(readRecords(board.doc))).toEqual(['Check order', 'Ship order'])
    })

    it.skipIf(reason !== null)(
      `a ${format} file imported into a live board reaches a connected client`,
      async () => {
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
      },
    )
  })
}
