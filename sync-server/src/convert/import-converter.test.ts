import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterEach, describe, expect, test } from 'vitest'
import { unplacedFlowchart as flowchart } from '../testing/unplaced-flowchart.ts'
import { ImportConverter } from './import-converter.ts'

const converters: ImportConverter[] = []
function converter(options?: ConstructorParameters<typeof ImportConverter>[0]): ImportConverter {
  const made = new ImportConverter(options)
  converters.push(made)
  return made
}
afterEach(async () => {
  await Promise.all(converters.splice(0).map((made) => made.close()))
})

describe('the import converter', () => {
  test('lays a file out on its worker while the event loop stays free', async () => {
    const file = { name: 'big.mmd', text: flowchart(900) }
    const imports = converter()
    // Warm the worker up, so the measured run is the conversion itself.
    expect((await imports.convert({ name: 'small.mmd', text: flowchart(5) }, undefined, 'a')).ok).toBe(true)
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const started = performance.now()
    const converted = await imports.convert(file, undefined, 'a')
    const took = performance.now() - started
    delay.disable()
    expect(converted.ok && converted.result.ok).toBe(true)
    if (!converted.ok || !converted.result.ok) return
    expect(converted.result.content.records.filter((r) => r.typeName === 'shape').length).toBeGreaterThan(900)
    // On the event loop, the longest stall would be the whole layout; on the worker it is a sliver of
    // it (ratios in one run: the machine's speed cancels out).
    const longestStallMs = delay.max / 1e6
    expect(longestStallMs).toBeLessThan(took / 4)
  })

  test('gives a person one file at a time, and others wait their turn', async () => {
    const imports = converter()
    const file = { name: 'a.mmd', text: flowchart(60) }
    const first = imports.convert(file, undefined, 'dana')
    const again = await imports.convert(file, undefined, 'dana')
    expect(again).toEqual({
      ok: false,
      kind: 'busy',
      reason: 'another file of yours is still being imported; try again when it is done',
    })
    const other = imports.convert(file, undefined, 'sam')
    expect((await first).ok).toBe(true)
    expect((await other).ok).toBe(true)
    // Done, the person may import again.
    expect((await imports.convert(file, undefined, 'dana')).ok).toBe(true)
  })

  test('refuses files beyond the waiting line', async () => {
    const imports = converter({ maxWaiting: 1 })
    const file = { name: 'a.mmd', text: flowchart(60) }
    const running = imports.convert(file, undefined, 'a')
    const waiting = imports.convert(file, undefined, 'b')
    const refused = await imports.convert(file, undefined, 'c')
    expect(refused.ok === false && refused.kind).toBe('busy')
    expect((await running).ok && (await waiting).ok).toBe(true)
  })

  test('stops a conversion past its time, and the next file converts on a new worker', async () => {
    const imports = converter({ timeoutMs: 1 })
    const slow = await imports.convert({ name: 'big.mmd', text: flowchart(600) }, undefined, 'a')
    expect(slow).toEqual({ ok: false, kind: 'failed', reason: 'the file took longer than 0 s to convert' })
    const patient = converter()
    expect((await patient.convert({ name: 'a.mmd', text: flowchart(10) }, undefined, 'a')).ok).toBe(true)
  })

  test('a refused file is the converter’s answer, not a failure', async () => {
    const converted = await converter().convert({ name: 'x.txt', text: 'not a map' }, undefined, 'a')
    expect(converted.ok && converted.result.ok).toBe(false)
    expect(converted.ok && !converted.result.ok && converted.result.reason).toMatch(/is not BPMN 2.0 XML/)
  })
})
