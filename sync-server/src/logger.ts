/**
 * The server's log: pino, one JSON line per event, to stderr so that stdout carries only the ready line
 * that scripts and the e2e harness wait for.
 */
import { type Logger, pino } from 'pino'
import type { LogLevel } from './config.ts'

export type { Logger }

export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'flowmap-sync' } }, pino.destination({ fd: 2, sync: false }))
}
