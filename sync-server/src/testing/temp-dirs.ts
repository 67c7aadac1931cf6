/** Fresh temp dirs for tests (data dirs, a built client), removed after the test or the suite. */
import { rmSync } from 'node:fs'
import { afterAll, afterEach } from 'vitest'
import { makeDataDir } from './test-server.ts'

/** Answers a function that makes a fresh dir; every dir it made is removed after each test (or the suite). */
export function useTempDirs(per: 'test' | 'suite' = 'test'): () => string {
  const dirs: string[] = []
  const removeAll = () => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  }
  if (per === 'suite') afterAll(removeAll)
  else afterEach(removeAll)
  return () => {
    const dir = makeDataDir()
    dirs.push(dir)
    return dir
  }
}
