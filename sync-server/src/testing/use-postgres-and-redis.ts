/**
 * One throwaway Postgres and one Redis for a test file (postgres-instance.ts, redis-instance.ts), started
 * before its first test and stopped after its last.
 */
import { afterAll, beforeAll } from 'vitest'
import { type PostgresInstance, startPostgres } from './postgres-instance.ts'
import { type RedisInstance, startRedis } from './redis-instance.ts'

export interface PostgresAndRedis {
  readonly postgres: PostgresInstance
  readonly redis: RedisInstance
}

export function usePostgresAndRedis(): PostgresAndRedis {
  let postgres: PostgresInstance | undefined
  let redis: RedisInstance | undefined
  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  }, 60_000)
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()])
  })
  return {
    get postgres() {
      if (postgres === undefined) throw new Error('Postgres is started before the first test')
      return postgres
    },
    get redis() {
      if (redis === undefined) throw new Error('Redis is started before the first test')
      return redis
    },
  }
}
