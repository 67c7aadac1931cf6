import { expect, it } from 'vitest'
import { solidPng } from '../testing/solid-png.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()

it('the server collects in the background: an upload nothing refers to goes once it is older than the retention', async () => {
  // A retention of 1 ms and a pass every 20 ms stand in for 30 days and an hour.
  await server.start({
    authSecret: TEST_SECRET,
    assetRetentionMs: 1,
    assetCollectionFirstDelayMs: 0,
    assetCollectionIntervalMs: 20,
  })
  const facilitator = await testToken({ sub: 'u-fac', board: '*', role: 'facilitator' })
  const made = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Background' }),
  })
  const { id } = (await made.json()) as { id: string }
  const uploaded = await fetch(`${server.url}/api/boards/${id}/assets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitator}` },
    body: new Blob([new Uint8Array(solidPng(2, 2, [1, 2, 3]))]),
  })
  expect(uploaded.status).toBe(201)
  const { src, hash } = (await uploaded.json()) as { src: string; hash: string }
  const status = async () =>
    (await fetch(`${server.url}${src}`, { headers: { authorization: `Bearer ${facilitator}` } })).status
  await expect.poll(status, { timeout: 10_000, interval: 50 }).toBe(404)
  // The file goes after the link (the database first), in the same pass.
  await expect.poll(() => server.server.assetFiles.read(hash), { timeout: 10_000, interval: 50 }).toBeNull()
})
