import { afterEach, describe, expect, it, vi } from 'vitest'
import { readImportFile } from './read-import-file.ts'

/** A Worker whose script never loads, as offline before the service worker has cached it. */
class WorkerThatCannotLoad {
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: { preventDefault(): void }) => void) | null = null
  terminated = false
  postMessage(): void {
    queueMicrotask(() => this.onerror?.({ preventDefault() {} }))
  }
  terminate(): void {
    this.terminated = true
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('reading an import file', () => {
  it('runs on the page when the worker cannot load, with the same answer the worker would give', async () => {
    const made: WorkerThatCannotLoad[] = []
    vi.stubGlobal(
      'Worker',
      class extends WorkerThatCannotLoad {
        constructor() {
          super()
          made.push(this)
        }
      },
    )
    const answer = await readImportFile({ name: 'notes.txt', text: 'plain words' })
    expect(answer).toEqual({
      ok: false,
      reason: 'the file is not BPMN 2.0 XML, a Mermaid flowchart or a Flowmap JSON export',
    })
    expect(made).toHaveLength(1)
    expect(made[0]?.terminated).toBe(true)
  })

  it('answers with what the worker posts, and ends the worker', async () => {
    const posted = { ok: false, reason: 'from the worker' }
    const made: { terminated: boolean }[] = []
    vi.stubGlobal(
      'Worker',
      class {
        onmessage: ((event: { data: unknown }) => void) | null = null
        onerror = null
        terminated = false
        constructor() {
          made.push(this)
        }
        postMessage() {
          queueMicrotask(() => this.onmessage?.({ data: posted }))
        }
        terminate() {
          this.terminated = true
        }
      },
    )
    expect(await readImportFile({ name: 'a.bpmn', text: '<x/>' })).toEqual(posted)
    expect(made[0]?.terminated).toBe(true)
  })
})
