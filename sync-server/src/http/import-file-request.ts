/**
 * The file an import request carries: the body is the file's bytes (UTF-8 text, at most
 * MAX_IMPORT_BYTES, refused with 413 before more is read), `?format=bpmn|mermaid|json` says what it is,
 * else `?name=<file name>` lets its suffix say, else `importBoardFile` tells from the text. Converted
 * whole by `importBoardFile`: a file it refuses is a 400 with its sentence.
 */
import type { IncomingMessage } from 'node:http'
import {
  IMPORT_FORMATS,
  type ImportFile,
  type ImportFormat,
  type ImportResult,
  MAX_IMPORT_BYTES,
} from '@flowmap/shared'
import type { ImportConverter } from '../convert/import-converter.ts'
import type { ApiError } from './json-response.ts'
import { readBodyBytes } from './request-body.ts'

export type ImportRequest =
  | { ok: true; file: ImportFile; format: ImportFormat | undefined }
  | { ok: false; problem: ApiError }

const importFormats: ReadonlySet<string> = new Set(IMPORT_FORMATS)
const MEGABYTE = 1024 * 1024

/** Whether the request names its body an import file (`?format=` or `?name=`). */
export function namesImportFile(query: URLSearchParams): boolean {
  return query.has('format') || query.has('name')
}

export type ImportedFile =
  | { ok: true; file: ImportFile; imported: Extract<ImportResult, { ok: true }> }
  | { ok: false; problem: ApiError }

/** The request's file, read and converted (as `userId`'s: one file of theirs at a time). */
export async function importRequestFile(
  request: IncomingMessage,
  query: URLSearchParams,
  converter: ImportConverter,
  userId: string,
): Promise<ImportedFile> {
  const read = await readImportRequest(request, query)
  if (!read.ok) return read
  const conversion = await converter.convert(read.file, read.format, userId)
  if (!conversion.ok) {
    const status = conversion.kind === 'busy' ? 429 : 422
    const error = conversion.kind === 'busy' ? 'import-busy' : 'conversion-failed'
    return { ok: false, problem: { status, error, message: conversion.reason } }
  }
  const imported = conversion.result
  if (!imported.ok) return refuse('invalid-file', imported.reason)
  return { ok: true, file: read.file, imported }
}

async function readImportRequest(request: IncomingMessage, query: URLSearchParams): Promise<ImportRequest> {
  const format = query.get('format')
  if (format !== null && !importFormats.has(format)) {
    return refuse(
      'unknown-format',
      `?format=${format.slice(0, 40)} is not an import format: use ${IMPORT_FORMATS.join(', ')}`,
    )
  }
  const read = await readBodyBytes(request, MAX_IMPORT_BYTES, (size) => ({
    status: 413,
    error: 'file-too-large',
    message: `the file is ${size}; an import takes at most ${MAX_IMPORT_BYTES / MEGABYTE} MB (${MAX_IMPORT_BYTES} bytes)`,
  }))
  if (!read.ok) return read
  if (read.bytes.byteLength === 0) {
    return refuse('no-file', "the request has no file: send the file's bytes as the request body")
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes)
  } catch {
    return refuse('invalid-file', 'the file is not UTF-8 text: BPMN, Mermaid and JSON files are')
  }
  return {
    ok: true,
    file: { name: query.get('name') ?? '', text },
    format: (format ?? undefined) as ImportFormat | undefined,
  }
}

function refuse(error: string, message: string): { ok: false; problem: ApiError } {
  return { ok: false, problem: { status: 400, error, message } }
}
