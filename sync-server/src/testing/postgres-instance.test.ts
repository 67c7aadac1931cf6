/** The throwaway Postgres of the tests: it starts, answers, restarts on its data, and leaves nothing. */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { postgresBinDir, startPostgres } from './postgres-instance.ts'

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

describe('startPostgres', () => {
  it('starts on loopback with fsync on, accepts a query, and stop() removes its dir', async () => {
    const instance = await startPostgres()
    try {
      expect(instance.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/flowmap$/)
      expect(await query(instance.url, 'SELECT 1 + 1 AS two')).toEqual([{ two: 2 }])
      expect(await query(instance.url, 'SHOW fsync')).toEqual([{ fsync: 'on' }])
      expect(await query(instance.url, 'SHOW listen_addresses')).toEqual([{ listen_addresses: '127.0.0.1' }])
      const other = await instance.createDatabase()
      expect(other).not.toBe(instance.url)
      expect(await query(other, 'SELECT current_database() AS name')).toHaveLength(1)
      const schema = await instance.createSchema()
      await query(schema, 'CREATE TABLE in_schema (x int)')
      expect(await query(schema, "SELECT to_regclass('in_schema')::text AS t")).toEqual([{ t: 'in_schema' }])
      expect(await query(instance.url, "SELECT to_regclass('in_schema')::text AS t")).toEqual([{ t: null }])
    } finally {
      await instance.stop()
    }
    expect(existsSync(instance.dir)).toBe(false)
    await expect(query(instance.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/)
  })

  it('runs two at once on different ports', async () => {
    const [a, b] = await Promise.all([startPostgres(), startPostgres()])
    try {
      expect(a.port).not.toBe(b.port)
      await query(a.url, 'CREATE TABLE only_in_a (x int)')
      expect(await query(a.url, "SELECT to_regclass('only_in_a')::text AS t")).toEqual([{ t: 'only_in_a' }])
      expect(await query(b.url, "SELECT to_regclass('only_in_a')::text AS t")).toEqual([{ t: null }])
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  })

  it('restart() brings the server back on the same data dir and port, committed rows kept', async () => {
    const instance = await startPostgres()
    try {
      await query(instance.url, 'CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)')
      await instance.shutdown()
      await expect(query(instance.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/)
      await instance.restart()
      expect(await query(instance.url, 'SELECT x FROM kept')).toEqual([{ x: 42 }])
    } finally {
      await instance.stop()
    }
  })
})

it('is stopped, and its dir removed, when the test process exits without stop()', async () => {
  const harness = fileURLToPath(new URL('./postgres-instance.ts', import.meta.url))
  const script = `import { startPostgres } from ${JSON.stringify(harness)}
    const instance = await startPostgres()
    console.log(JSON.stringify({ dir: instance.dir, url: instance.url }))
    process.exit(0)`
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  const { dir, url } = JSON.parse(output.trim()) as { dir: string; url: string }
  expect(existsSync(dir)).toBe(false)
  await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/)
})

describe('postgresBinDir', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it("takes FLOWMAP_PG_BIN, else Debian's highest version", () => {
    vi.stubEnv('FLOWMAP_PG_BIN', '')
    expect(postgresBinDir()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/)
    vi.stubEnv('FLOWMAP_PG_BIN', postgresBinDir())
    expect(postgresBinDir()).toBe(process.env.FLOWMAP_PG_BIN)
  })

  it('says which dir holds no postgres when FLOWMAP_PG_BIN is wrong', () => {
    vi.stubEnv('FLOWMAP_PG_BIN', '/nonexistent/pg')
    expect(() => postgresBinDir()).toThrow(
      'FLOWMAP_PG_BIN is /nonexistent/pg, which holds no postgres binary',
    )
  })
})
