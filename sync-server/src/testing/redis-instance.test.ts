/** The throwaway Redis of the tests: it starts, answers PING, restarts, and leaves nothing. */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { startRedis } from './redis-instance.ts'

/** One inline command over a raw socket (no client library needed for a PING); answers the reply line. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let reply = ''
    socket.once('error', reject)
    socket.on('data', (chunk) => {
      reply += chunk.toString()
      if (reply.includes('\r\n')) {
        socket.end()
        resolve(reply.slice(0, reply.indexOf('\r\n')))
      }
    })
    socket.write(`${line}\r\n`)
  })
}

describe('startRedis', () => {
  it('starts on loopback, answers PING, and stop() removes its dir', async () => {
    const instance = await startRedis()
    try {
      expect(instance.url).toBe(`redis://127.0.0.1:${instance.port}`)
      expect(await command(instance.port, 'PING')).toBe('+PONG')
      expect(await command(instance.port, 'CONFIG GET save')).toBe('*2')
    } finally {
      await instance.stop()
    }
    expect(existsSync(instance.dir)).toBe(false)
    await expect(command(instance.port, 'PING')).rejects.toThrow(/ECONNREFUSED/)
  })

  it('runs two at once on different ports, and restart() keeps the port', async () => {
    const [a, b] = await Promise.all([startRedis(), startRedis()])
    try {
      expect(a.port).not.toBe(b.port)
      expect(await command(a.port, 'SET k a')).toBe('+OK')
      expect(await command(b.port, 'GET k')).toBe('$-1')
      await a.shutdown()
      await a.restart()
      expect(await command(a.port, 'PING')).toBe('+PONG')
      // Nothing persisted: the restarted server starts empty.
      expect(await command(a.port, 'GET k')).toBe('$-1')
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  })
})

it('is stopped, and its dir removed, when the test process exits without stop()', async () => {
  const harness = fileURLToPath(new URL('./redis-instance.ts', import.meta.url))
  const script = `import { startRedis } from ${JSON.stringify(harness)}
    const instance = await startRedis()
    console.log(JSON.stringify({ dir: instance.dir, port: instance.port }))
    process.exit(0)`
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  const { dir, port } = JSON.parse(output.trim()) as { dir: string; port: number }
  expect(existsSync(dir)).toBe(false)
  // SIGKILL is delivered asynchronously: wait (bounded) for the port to refuse.
  const deadline = Date.now() + 5000
  let refusal: unknown
  while (refusal === undefined && Date.now() < deadline) {
    refusal = await command(port, 'PING').then(
      () => undefined,
      (error: unknown) => error,
    )
  }
  expect(String(refusal)).toMatch(/ECONNREFUSED/)
})

describe('redisServerBinary', () => {
  it('says what is wrong when FLOWMAP_REDIS_SERVER names no file', async () => {
    vi.stubEnv('FLOWMAP_REDIS_SERVER', '/nonexistent/redis-server')
    try {
      await expect(startRedis()).rejects.toThrow(
        'FLOWMAP_REDIS_SERVER is /nonexistent/redis-server, which does not exist',
      )
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
