/**
 * Which Flowmap element each Mermaid node shape stands for, and back (docs/mermaid-dialect.md). Read
 * by both directions, so an export's shape always imports as the element it came from.
 */
import type { ArtifactKind } from '../../schema/artifact.ts'
import type { EventKind } from '../../schema/event.ts'
import type { MermaidNodeShape } from './mermaid-ast.ts'

export type ShapeMeaning =
  | { readonly kind: 'step' }
  | { readonly kind: 'decision' }
  /** Start or end: Mermaid does not say, so the import decides by the node's incoming links. */
  | { readonly kind: 'event' }
  | { readonly kind: 'artifact'; readonly artifact: ArtifactKind }

export const SHAPE_MEANINGS: Readonly<Record<MermaidNodeShape, ShapeMeaning>> = {
  rect: { kind: 'step' },
  round: { kind: 'step' },
  subroutine: { kind: 'step' },
  // A trapezoid is a manual operation in the flowchart standard (ISO 5807): work, done by hand.
  trapezoid: { kind: 'step' },
  'trapezoid-alt': { kind: 'step' },
  diamond: { kind: 'decision' },
  hexagon: { kind: 'decision' },
  stadium: { kind: 'event' },
  circle: { kind: 'event' },
  'double-circle': { kind: 'event' },
  cylinder: { kind: 'artifact', artifact: 'data' },
  // A parallelogram is input or output in ISO 5807: what one step hands the next, a document.
  parallelogram: { kind: 'artifact', artifact: 'document' },
  'parallelogram-alt': { kind: 'artifact', artifact: 'document' },
  // The asymmetric (flag) shape has no standard meaning; Flowmap writes systems with it.
  asymmetric: { kind: 'artifact', artifact: 'system' },
}

/** The words a report uses for a shape: "3 stadium nodes became start events". */
export const SHAPE_WORDS: Readonly<Record<MermaidNodeShape, string>> = {
  rect: 'rectangle',
  round: 'rounded',
  subroutine: 'subroutine',
  trapezoid: 'trapezoid',
  'trapezoid-alt': 'inverted trapezoid',
  diamond: 'diamond',
  hexagon: 'hexagon',
  stadium: 'stadium',
  circle: 'circle',
  'double-circle': 'double circle',
  cylinder: 'cylinder',
  parallelogram: 'parallelogram',
  'parallelogram-alt': 'leaning-left parallelogram',
  asymmetric: 'asymmetric',
}

export type ExportedNodeKind =
  | { readonly kind: 'step' }
  | { readonly kind: 'decision' }
  | { readonly kind: 'event'; readonly event: EventKind }
  | { readonly kind: 'artifact'; readonly artifact: ArtifactKind }

/** The shape an element is written with, unless it came from Mermaid with another one that means the same. */
export function exportShapeOf(node: ExportedNodeKind): MermaidNodeShape {
  switch (node.kind) {
    case 'step':
      return 'rect'
    case 'decision':
      return 'diamond'
    case 'event':
      // BPMN draws an end event with a thick ring; the double circle is Mermaid's nearest.
      return node.event === 'start' ? 'circle' : 'double-circle'
    case 'artifact':
      return node.artifact === 'data'
        ? 'cylinder'
        : node.artifact === 'document'
          ? 'parallelogram'
          : 'asymmetric'
    default: {
      const unexpected: never = node
      throw new Error(`unhandled node kind ${JSON.stringify(unexpected)}`)
    }
  }
}

/** Whether `shape` may stand for `node` (so a shape kept from an import is written back). */
export function shapeFits(shape: MermaidNodeShape, node: ExportedNodeKind): boolean {
  const meaning = SHAPE_MEANINGS[shape]
  if (meaning.kind !== node.kind) return false
  return meaning.kind !== 'artifact' || (node.kind === 'artifact' && meaning.artifact === node.artifact)
}

export const SHAPE_DELIMITERS: Readonly<Record<MermaidNodeShape, readonly [string, string]>> = {
  rect: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
  circle: ['((', '))'],
  'double-circle': ['(((', ')))'],
  asymmetric: ['>', ']'],
  diamond: ['{', '}'],
  hexagon: ['{{', '}}'],
  parallelogram: ['[/', '/]'],
  'parallelogram-alt': ['[\\', '\\]'],
  trapezoid: ['[/', '\\]'],
  'trapezoid-alt': ['[\\', '/]'],
}
