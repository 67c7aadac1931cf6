import { afterEach, describe, expect, it } from 'vitest'
import { type ServerProcess, spawnServerProcess } from './testing/server-process.ts'
import { useTempDirs } from './testing/temp-dirs.ts'

const SECRET = 'startup-link-test-secret-0123456789'
const tempDir = useTempDirs()
let running: ServerProcess | null = null

afterEach(async () => {
  if (running !== null && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL')
    await running.exited
  }
  running = null
})

function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token')
  if (token === null) throw new Error(`the ready line's link has no token: ${link}`)
  return token
}

describe('the ready line of main.ts with FLOWMAP_AUTH_SECRET set', () => {
  it('prints a home-page link whose token lists and creates boards, so a first-time operator can start', async () => {
    running = await spawnServerProcess({ DATA_DIR: tempDir(), FLOWMAP_AUTH_SECRET: SECRET })
    expect(running.stdout).toHaveLength(1)
    const link = new URL(running.readyUrl)
    expect(link.origin).toBe(running.url)
    expect(link.pathname).toBe('/')
    const authorization = `Bearer ${tokenOf(running.readyUrl)}`

    const created = await fetch(`${running.url}/api/boards`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'First board' }),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }

    const listed = await fetch(`${running.url}/api/boards`, { headers: { authorization } })
    expect(listed.status).toBe(200)
    expect(JSON.stringify(await listed.json())).toContain(id)
  })

  it('gives the link a bounded life: FLOWMAP_STARTUP_LINK_HOURS sets its expiry', async () => {
    const before = Date.now()
    running = await spawnServerProcess({
      DATA_DIR: tempDir(),
      FLOWMAP_AUTH_SECRET: SECRET,
      FLOWMAP_STARTUP_LINK_HOURS: '2',
    })
    const payload = JSON.parse(
      Buffer.from(tokenOf(running.readyUrl).split('.')[1]!, 'base64url').toString(),
    ) as { exp: number; board: string; role: string }
    expect(payload).toMatchObject({ board: '*', role: 'facilitator' })
    expect(payload.exp * 1000).toBeGreaterThan(before + 2 * 3_600_000 - 60_000)
    expect(payload.exp * 1000).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000 + 1000)
  })

  it('prints the plain address when auth is off: there is no token to give', async () => {
    running = await spawnServerProcess({ DATA_DIR: tempDir() })
    expect(running.readyUrl).toBe(running.url)
  })
})
