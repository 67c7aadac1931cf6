/** The origin the links the API makes start with: the configured public URL, else the request's host. */
import type { IncomingMessage } from 'node:http'
import type { ServerConfig } from '../config.ts'

export function publicBaseUrl(config: ServerConfig, request: IncomingMessage): string {
  if (config.publicUrl !== null) return config.publicUrl
  return `http://${request.headers.host ?? `${config.host}:${config.port}`}`
}
