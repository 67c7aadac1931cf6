/**
 * Records and stores for the sync tests: tldraw stores of the Flowmap schema, and short names for the
 * shared builders (`@flowmap/shared/testing`) the sync tests call most.
 */
import { flowmapSchema } from '@flowmap/shared'
import { documentRecord, pageRecord, TEST_PAGE_ID, workflowShape } from '@flowmap/shared/testing'
import { createTLStore, type IndexKey, type TLRecord, type TLShapeId, type TLStore, toRichText } from 'tldraw'

export const PAGE_ID = TEST_PAGE_ID

export function boardStore(): TLStore {
  return createTLStore({ schema: flowmapSchema })
}

export function pageRecords(): TLRecord[] {
  return [documentRecord(), pageRecord()]
}

export function stepRecord(
  id: string,
  props: Record<string, unknown> = {},
  fields: Record<string, unknown> = {},
): TLRecord {
  return { ...workflowShape('step', { id, props }), ...fields } as unknown as TLRecord
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
