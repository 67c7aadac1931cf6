/**
 * Records and stores for the sync tests. Built here because @flowmap/shared exports no test builders;
 * the props are the workflow defaults from the shared schema.
 */
import { flowmapSchema, workflowShapeDefaultProps } from '@flowmap/shared'
import {
  createTLStore,
  type IndexKey,
  type TLPageId,
  type TLRecord,
  type TLShapeId,
  type TLStore,
  toRichText,
} from 'tldraw'

export const PAGE_ID = 'page:page' as TLPageId

export function boardStore(): TLStore {
  return createTLStore({ schema: flowmapSchema })
}

export function pageRecords(): TLRecord[] {
  return [
    { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
    { id: PAGE_ID, typeName: 'page', name: 'Page 1', index: 'a1' as IndexKey, meta: {} },
  ] as TLRecord[]
}

export function stepRecord(
  id: string,
  props: Record<string, unknown> = {},
  fields: Record<string, unknown> = {},
): TLRecord {
  return {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: 'step',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1' as IndexKey,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { ...workflowShapeDefaultProps.step, ...props },
    ...fields,
  } as unknown as TLRecord
}

/** A tldraw geo shape: the hook test's store has only tldraw's default shapes. */
export function geoRecord(id: string): TLRecord {
  return {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: 'geo',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a2' as IndexKey,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      w: 100,
      h: 100,
      growY: 0,
      dash: 'draw',
      fill: 'none',
      color: 'black',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(''),
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
    },
  } as unknown as TLRecord
}
