import { expect, it } from 'vitest'
import { configFromEnv, defaultServerConfig } from './config.ts'

const DAY = 24 * 60 * 60 * 1000

it('FLOWMAP_DELETED_BOARD_RETENTION_DAYS sets the restore window in days, 30 by default, and names a bad value', () => {
  expect(defaultServerConfig.deletedBoardRetentionMs).toBe(30 * DAY)
  const set = configFromEnv({ FLOWMAP_DELETED_BOARD_RETENTION_DAYS: '7' })
  expect(set.ok && set.config.deletedBoardRetentionMs).toBe(7 * DAY)
  for (const bad of ['0', '1.5', 'soon']) {
    expect(configFromEnv({ FLOWMAP_DELETED_BOARD_RETENTION_DAYS: bad })).toEqual({
      ok: false,
      errors: [`FLOWMAP_DELETED_BOARD_RETENTION_DAYS must be a whole number of at least 1 day, got "${bad}"`],
    })
  }
})

it('FLOWMAP_ASSET_RETENTION_DAYS sets how long unreferenced assets are kept, 30 days by default, and names a bad value', () => {
  expect(defaultServerConfig.assetRetentionMs).toBe(30 * DAY)
  const set = configFromEnv({ FLOWMAP_ASSET_RETENTION_DAYS: '90' })
  expect(set.ok && set.config.assetRetentionMs).toBe(90 * DAY)
  for (const bad of ['0', '-3', '2.5', 'a month']) {
    expect(configFromEnv({ FLOWMAP_ASSET_RETENTION_DAYS: bad })).toEqual({
      ok: false,
      errors: [`FLOWMAP_ASSET_RETENTION_DAYS must be a whole number of at least 1 day, got "${bad}"`],
    })
  }
})

it('DATABASE_URL and REDIS_URL take a Postgres and a Redis URL; a bad one is named without echoing it, and Redis needs the database', () => {
  const both = configFromEnv({
    DATABASE_URL: 'postgres://u:secret@db:5432/flowmap',
    REDIS_URL: 'redis://cache:6379',
  })
  expect(both.ok && [both.config.databaseUrl, both.config.redisUrl]).toEqual([
    'postgres://u:secret@db:5432/flowmap',
    'redis://cache:6379',
  ])
  expect(defaultServerConfig.databaseUrl).toBeNull()
  expect(defaultServerConfig.redisUrl).toBeNull()
  const bad = configFromEnv({ DATABASE_URL: 'mysql://u:secret@db/flowmap', REDIS_URL: 'http://cache' })
  expect(bad).toEqual({
    ok: false,
    errors: [
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
      'REDIS_URL must be a redis:// or rediss:// URL',
    ],
  })
  expect(JSON.stringify(bad)).not.toContain('secret')
  expect(configFromEnv({ REDIS_URL: 'redis://cache:6379' })).toEqual({
    ok: false,
    errors: [
      'REDIS_URL needs DATABASE_URL: instances that relay boards to each other must share one database',
    ],
  })
})
