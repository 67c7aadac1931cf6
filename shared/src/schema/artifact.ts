import { createShapePropsMigrationIds, type RecordPropsType } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { addedProp, boxShapeProps, propsMigrations } from './workflow-shape-definition.ts'

/** What an information flow carries. */
export const ARTIFACT_KINDS = ['document', 'data', 'system'] as const
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

export const artifactShapeProps = {
  ...boxShapeProps,
  /** Which flowchart symbol it is drawn with: a document, a data store or a system. */
  kind: T.literalEnum(...ARTIFACT_KINDS),
  label: T.string,
}

export type ArtifactShapeProps = RecordPropsType<typeof artifactShapeProps>

/** A new artifact: an unlabelled document, the most common thing handed from step to step. */
export const artifactShapeDefaultProps: ArtifactShapeProps = { w: 170, h: 100, kind: 'document', label: '' }

/** Append-only: a released id is never renumbered or removed. */
export const artifactShapeVersions = createShapePropsMigrationIds('artifact', { AddKind: 1 })

export const artifactShapeMigrations = propsMigrations([
  addedProp(artifactShapeVersions.AddKind, 'kind', 'document'),
])
