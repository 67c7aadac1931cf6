/** The facilitator's call against the real server (in-process, port 0): the sentence it shows. */
import { type StoredRecord, writeRecords } from '@flowmap/shared'
import { createBoardOverApi } from '@flowmap/sync-server/testing/http-client'
import { TEST_SECRET } from '@flowmap/sync-server/testing/test-server'
import { testToken } from '@flowmap/sync-server/testing/test-tokens'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import { expect, it } from 'vitest'
import { moveInlineImages } from './move-inline-images.ts'

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const testServer = useTestServer({ config: { authSecret: TEST_SECRET } })

/** A 1×1 PNG, 70 bytes. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

it('tells the facilitator how many images moved and how large they were, then that none are left; an editor is told why not', async () => {
  await testServer.start()
  const id = await createBoardOverApi(testServer.url, {
    token: await testToken({ sub: 'u-fac', board: '*', role: 'facilitator' }),
  })
  const facilitator = await testToken({ sub: 'u-fac', board: id, role: 'facilitator' })
  const client = testServer.connect(id, { token: facilitator })
  await client.synced
  writeRecords(client.doc, [
    {
      id: 'asset:dot',
      typeName: 'asset',
      type: 'image',
      props: {
        name: 'dot.png',
        src: `data:image/png;base64,${PNG_BASE64}`,
        w: 1,
        h: 1,
        mimeType: 'image/png',
        isAnimated: false,
      },
      meta: {},
    } as StoredRecord,
  ])
  await client.acknowledged()

  const serverUrl = testServer.url
  expect(await moveInlineImages({ serverUrl, boardId: id, token: facilitator })).toEqual({
    ok: true,
    sentence: 'Moved 1 image (70 bytes) to the asset store',
  })
  expect(await moveInlineImages({ serverUrl, boardId: id, token: facilitator })).toEqual({
    ok: true,
    sentence: 'No inline images on this board',
  })
  const editor = await testToken({ sub: 'u-ed', board: id, role: 'editor' })
  expect(await moveInlineImages({ serverUrl, boardId: id, token: editor })).toEqual({
    ok: false,
    message: 'The images were not moved: only a facilitator can move pasted images to the asset store.',
  })
})
