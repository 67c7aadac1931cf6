/** The throwaway Postgres of the tests: it starts, answers, restarts on its data, and leaves nothing. */
import { existsSync } from 'node:fs'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startPostgres } from './postgres-instance.ts'

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
