/** GET /api/boards/:id/preview: the thumbnail of a board (`previewOf`) the device has not opened yet. */
import { T } from '@tldraw/validate'
import type { BoardPreview } from '../preview/board-preview.ts'
import { type BodyRead, readBody } from './http-body-read.ts'

const previewBox = T.object({
  x: T.number,
  y: T.number,
  w: T.number,
  h: T.number,
  kind: T.string,
}).allowUnknownProperties()

const boardPreviewBody = T.object({
  boardId: T.string,
  /** The history seq the preview shows. */
  seq: T.positiveInteger,
  preview: T.object({
    viewBox: T.string.nullable(),
    boxes: T.arrayOf(previewBox),
  }).allowUnknownProperties(),
}).allowUnknownProperties()

export type BoardPreviewBody = { boardId: string; seq: number; preview: BoardPreview }

export function readBoardPreviewBody(json: unknown): BodyRead<BoardPreviewBody> {
  return readBody(boardPreviewBody, json, 'the board preview (GET /api/boards/:id/preview)')
}
