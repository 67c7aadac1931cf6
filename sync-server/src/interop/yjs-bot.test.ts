import { readFileSync } from 'node:fs'
import { readRecord } from '@flowmap/shared'
import { describe, expect, it, vi } from 'vitest'
import { joinBoardAsBot } from '../../examples/yjs-bot.ts'
import { requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
const exampleFile = new URL('../../examples/yjs-bot.ts', import.meta.url)
const readme = new URL('../../../README.md', import.meta.url)

/** The lines between the example's markers, without their indentation. */
function exampleLines(): string[] {
  const lines = readFileSync(exampleFile, 'utf8').split('\n')
  const start = lines.findIndex((line) => line.includes('README example: start'))
  const end = lines.findIndex((line) => line.includes('README example: end'))
  return lines.slice(start + 1, end).map((line) => line.replace(/^ {2}/, ''))
}

describe('the README example of a bot on the y-websocket endpoint', () => {
  it("the bot joins a board with the token and its step arrives in the board, in the bot's name", async () => {
    await server.start({ authSecret: TEST_SECRET })
    const board = 'bot-board'
    const person = server.connect(board, {
      token: await testToken({ sub: 'ada', name: 'Ada', board, role: 'editor' }),
    })
    await person.synced
    const token = await testToken({ sub: 'triage-bot', name: 'Triage bot', board, role: 'editor' })
    server.track(joinBoardAsBot(server.url.replace(/^http/, 'ws'), board, token))

    await vi.waitFor(() => expect(readRecord(person.doc, 'shape:bot-1')).toBeDefined())
    expect(readRecord(person.doc, 'shape:bot-1')).toMatchObject({
      type: 'step',
      props: { label: 'Checked by the bot' },
    })
    const exported = await requestJson(`${server.url}/api/boards/${board}/export.json`, {
      token: await testToken({ sub: 'ada', board, role: 'viewer' }),
    })
    expect((exported.body as { records: { id: string }[] }).records.map((r) => r.id)).toContain('shape:bot-1')
    const entries = await server.storage.readHistory(board, { afterSeq: 0, limit: 10 })
    expect(entries.map((entry) => entry.userName)).toContain('Triage bot')
  })

  it('the README quotes exactly the lines the test runs, and they are five', () => {
    const lines = exampleLines()
    expect(lines).toHaveLength(5)
    expect(readFileSync(readme, 'utf8')).toContain(['```ts', ...lines, '```'].join('\n'))
  })
})
