import { describe, expect, test } from 'vitest'
import { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, MAX_IMPORT_ELEMENTS } from '../../schema/limits.ts'
import { importBoardFile } from '../import-file.ts'
import bpmnIo from './fixtures/bpmn-io.bpmn?raw'
import { bpmnToDraft } from './import-bpmn.ts'
import { MAX_IMPORT_XML_ELEMENTS } from './scan-bpmn-xml.ts'

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL'

/** A minimal BPMN 2.0 file around `body` (the process's content). */
function bpmnFile(body: string, before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${before}
<bpmn:definitions xmlns:bpmn="${BPMN}" id="Definitions_1" targetNamespace="http://example.com">
  <bpmn:process id="Process_1">${body}</bpmn:process>
</bpmn:definitions>`
}

async function refusal(xml: string): Promise<string> {
  const read = await bpmnToDraft(xml)
  if (read.ok) throw new Error('expected the file to be refused, but it was read')
  return read.reason
}

describe('a file that is not BPMN 2.0 XML is refused with a sentence naming the problem', () => {
  test('plain text is not XML', async () => {
    expect(await refusal('Step 1: check the invoice. Step 2: pay it.')).toMatch(/^the file is not XML/)
  })

  test('JSON given a .bpmn name is not XML', async () => {
    expect(await refusal('{"version": 1, "records": []}')).toMatch(/^the file is not XML/)
  })

  test('a file cut off mid-way is truncated, naming the element left open', async () => {
    const cut = bpmnIo.slice(0, bpmnIo.indexOf('<bpmn:task id="Activity_1r8k5yb"'))
    expect(await refusal(cut)).toBe(
      'the file ends before its XML is complete (truncated?): <process> is never closed',
    )
  })

  test('mismatched tags are not well-formed XML, with the line', async () => {
    expect(await refusal(bpmnFile('<bpmn:task id="a"></bpmn:userTask>'))).toMatch(
      /^the file is not well-formed XML: closing tag mismatch at line \d+/,
    )
  })

  test('an SVG image is named as such', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    expect(await refusal(svg)).toBe(
      `the file is an SVG image (namespace http://www.w3.org/2000/svg), not BPMN 2.0 (namespace ${BPMN})`,
    )
  })

  test('XPDL (what BPMN 1.x tools wrote) is named as such', async () => {
    const xpdl = '<Package xmlns="http://www.wfmc.org/2008/XPDL2.1" Id="p1"><WorkflowProcesses/></Package>'
    expect(await refusal(xpdl)).toMatch(
      /^the file is XPDL 2\.1 \(namespace http:\/\/www\.wfmc\.org\/2008\/XPDL2\.1\), not BPMN 2\.0/,
    )
  })

  test('definitions in the pre-standard BPMN 2.0 draft namespace are refused', async () => {
    const draft =
      '<definitions xmlns="http://schema.omg.org/spec/BPMN/2.0" id="d"><process id="p"/></definitions>'
    expect(await refusal(draft)).toMatch(/^the file is a draft of BPMN 2\.0 from before the standard/)
  })

  test('definitions without a namespace are refused, naming the namespace expected', async () => {
    expect(await refusal('<definitions id="d"><process id="p"/></definitions>')).toBe(
      `the file's root element <definitions> has no namespace: a BPMN 2.0 file's root is <definitions> in the namespace ${BPMN}`,
    )
  })

  test('a BPMN element other than definitions at the root is refused', async () => {
    expect(await refusal(`<bpmn:process xmlns:bpmn="${BPMN}" id="p"/>`)).toBe(
      "the file's root element is <process>, not the <definitions> a BPMN 2.0 file starts with",
    )
  })

  test('a file with neither a process nor a pool is refused', async () => {
    const nothingDrawn = `<bpmn:definitions xmlns:bpmn="${BPMN}" id="d">
      <bpmn:collaboration id="c"/><bpmn:message id="m" name="Order"/>
    </bpmn:definitions>`
    expect(await refusal(nothingDrawn)).toBe(
      'the file holds no BPMN process or pool (no <process> or <participant> element), so there is nothing to import',
    )
  })

  test('two elements with one id are refused (bpmn-moddle would drop the second)', async () => {
    expect(await refusal(bpmnFile('<bpmn:task id="a"/><bpmn:task id="a"/>'))).toBe(
      "the file gives two elements the same id 'a', so its references are ambiguous",
    )
  })
})

describe('a hostile file is refused before bpmn-moddle builds anything from it', () => {
  test('an external entity (XXE) is refused as a DTD, saying why', async () => {
    const xxe = bpmnFile(
      '<bpmn:task id="a" name="&xxe;"/>',
      '<!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    )
    const reason = await refusal(xxe)
    expect(reason).toMatch(/^the file declares a DTD \(<!DOCTYPE> or <!ENTITY>\)/)
    expect(reason).toContain('(XXE)')
  })

  test('entity expansion ("billion laughs") is refused as a DTD', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)
    const laughs = bpmnFile(
      '<bpmn:task id="a" name="&lol9;"/>',
      `<!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities.join('')}]>`,
    )
    expect(await refusal(laughs)).toContain('"billion laughs"')
  })

  test(`nesting deeper than ${MAX_IMPORT_DEPTH} levels is refused, naming the limit`, async () => {
    const deep = `${'<bpmn:subProcess id="s">'.repeat(5000)}${'</bpmn:subProcess>'.repeat(5000)}`
    expect(await refusal(bpmnFile(deep))).toBe(
      `the file nests its elements more than ${MAX_IMPORT_DEPTH} levels deep, the import limit`,
    )
  })

  test(`more than ${MAX_IMPORT_ELEMENTS} BPMN elements are refused, naming the limit`, async () => {
    const tasks = Array.from({ length: MAX_IMPORT_ELEMENTS + 1 }, (_, i) => `<bpmn:task id="t${i}"/>`).join(
      '',
    )
    expect(await refusal(bpmnFile(tasks))).toBe(
      'the file holds more than 10,000 BPMN elements (flow nodes, flows, lanes, pools, data and annotations), the import limit',
    )
  })

  test('a flood of other XML elements is refused by the XML element limit', async () => {
    const flood = `<bpmn:extensionElements>${'<x:y xmlns:x="urn:x"/>'.repeat(MAX_IMPORT_XML_ELEMENTS)}</bpmn:extensionElements>`
    expect(await refusal(bpmnFile(flood))).toBe(
      'the file holds more than 200,000 XML elements, the import limit',
    )
  })

  test('a sequence flow whose target names no element is refused, naming the flow and the id', async () => {
    const dangling = bpmnFile(`
      <bpmn:startEvent id="Start_1"/>
      <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_gone"/>`)
    expect(await refusal(dangling)).toBe(
      "the file has a dangling reference: sequenceFlow Flow_1's targetRef names 'Task_gone', and no element has that id",
    )
  })

  test('a boundary event attached to no element is refused', async () => {
    expect(await refusal(bpmnFile('<bpmn:boundaryEvent id="Timer_1" attachedToRef="Task_gone"/>'))).toBe(
      "the file has a dangling reference: boundaryEvent Timer_1's attachedToRef names 'Task_gone', and no element has that id",
    )
  })
})

describe('importBoardFile', () => {
  test('a 20 MB file is refused by its size before any parser reads it', async () => {
    // A DTD first: had the reader run, the refusal would name the DTD, not the size.
    const padding = `<!-- ${'x'.repeat(20 * 1024 * 1024)} -->`
    const huge = bpmnFile('', `<!DOCTYPE d [<!ENTITY a "a">]>${padding}`)
    const result = await importBoardFile({ name: 'huge.bpmn', text: huge })
    expect(result).toEqual({
      ok: false,
      reason: `the file is larger than the import limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`,
    })
  })

  test("a hostile .bpmn file is refused through the one import entry with the reader's sentence", async () => {
    const result = await importBoardFile({
      name: 'evil.bpmn',
      text: bpmnFile('', '<!DOCTYPE d SYSTEM "http://evil.example/d.dtd">'),
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/^the file declares a DTD/)
  })
})
