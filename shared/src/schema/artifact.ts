import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordPropsType,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** What an information flow carries. */
export const ARTIFACT_KINDS = ['document', 'data', 'system'] as const
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

export const artifactShapeProps = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  kind: T.literalEnum(...ARTIFACT_KINDS),
  label: T.string,
}

export type ArtifactShapeProps = RecordPropsType<typeof artifactShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    artifact: ArtifactShapeProps
  }
}

/** Append-only: a released id is never renumbered or removed. */
export const artifactShapeVersions = createShapePropsMigrationIds('artifact', {
  AddKind: 1,
})

export const artifactShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: artifactShapeVersions.AddKind,
      up: (props) => {
        props.kind ??= 'document'
      },
      down: (props) => {
        delete props.kind
      },
    },
  ],
})
