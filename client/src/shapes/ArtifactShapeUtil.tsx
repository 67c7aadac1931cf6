import type { ArtifactKind } from '@flowmap/shared'
import { artifactShapeMigrations, artifactShapeProps } from '@flowmap/shared'
import { BaseBoxShapeUtil, HTMLContainer, type TLEditStartInfo, type TLFontFace, type TLShape } from 'tldraw'
import { EditableLabel } from './EditableLabel.tsx'
import { WORKFLOW_FONT_FACES } from './workflow-fonts.ts'
import { ArtifactIcon } from './workflow-icons.tsx'
import { ARTIFACT_KIND_OPTIONS, labelOf } from './workflow-vocabulary.ts'

export type ArtifactShape = TLShape<'artifact'>

/** What moves between steps: a document, a data set or a system, drawn with its flowchart symbol. */
export class ArtifactShapeUtil extends BaseBoxShapeUtil<ArtifactShape> {
  static override type = 'artifact' as const
  static override props = artifactShapeProps
  static override migrations = artifactShapeMigrations

  override getDefaultProps(): ArtifactShape['props'] {
    return { w: 170, h: 100, kind: 'document', label: '' }
  }

  override canEdit(_shape: ArtifactShape, _info: TLEditStartInfo): boolean {
    return true
  }

  override getFontFaces(): TLFontFace[] {
    return [...WORKFLOW_FONT_FACES]
  }

  override getText(shape: ArtifactShape): string {
    return shape.props.label
  }

  override getAriaDescriptor(shape: ArtifactShape): string {
    return `${labelOf(ARTIFACT_KIND_OPTIONS, shape.props.kind)} ${shape.props.label || 'untitled'}`
  }

  override component(shape: ArtifactShape) {
    const { w, h, kind, label } = shape.props
    return (
      <HTMLContainer
        className="flowmap-artifact"
        style={{ width: w, height: h }}
        data-shape-type="artifact"
        data-kind={kind}
      >
        <svg
          className="flowmap-artifact__outline"
          width={w}
          height={h}
          viewBox={`0 0 ${w} ${h}`}
          aria-hidden="true"
        >
          <path d={artifactOutline(kind, w, h)} />
          {kind === 'data' && <path className="flowmap-artifact__rim" d={cylinderRim(w, h)} />}
          {kind === 'system' && (
            <path
              className="flowmap-artifact__rim"
              d={`M 12 1.5 V ${h - 1.5} M ${w - 12} 1.5 V ${h - 1.5}`}
            />
          )}
        </svg>
        <div className="flowmap-artifact__kind">
          <ArtifactIcon kind={kind} size={16} />
          <span>{labelOf(ARTIFACT_KIND_OPTIONS, kind)}</span>
        </div>
        <EditableLabel
          shapeId={shape.id}
          text={label}
          placeholder={labelOf(ARTIFACT_KIND_OPTIONS, kind)}
          ariaLabel="Artifact label"
          className="flowmap-artifact__label"
          onTextChange={(text) =>
            this.editor.updateShape({ id: shape.id, type: 'artifact', props: { label: text } })
          }
        />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: ArtifactShape): Path2D {
    return new Path2D(artifactOutline(shape.props.kind, shape.props.w, shape.props.h))
  }
}

const INSET = 1.5

/** The flowchart symbols: a page with a wavy foot (document), a cylinder (data), a double-sided box (system). */
export function artifactOutline(kind: ArtifactKind, w: number, h: number): string {
  const r = INSET
  switch (kind) {
    case 'document': {
      const wave = Math.min(12, h * 0.12)
      const foot = h - r - wave
      return `M ${r} ${r} H ${w - r} V ${foot} C ${w * 0.75} ${foot - wave}, ${w * 0.6} ${foot - wave}, ${w / 2} ${foot} S ${w * 0.25} ${foot + 2 * wave}, ${r} ${foot} Z`
    }
    case 'data': {
      const ry = Math.min(12, h * 0.14)
      return `M ${r} ${r + ry} A ${w / 2 - r} ${ry} 0 0 1 ${w - r} ${r + ry} V ${h - r - ry} A ${w / 2 - r} ${ry} 0 0 1 ${r} ${h - r - ry} Z`
    }
    case 'system':
      return `M ${r} ${r} H ${w - r} V ${h - r} H ${r} Z`
    default:
      throw new Error(`artifact kind ${String(kind satisfies never)} has no outline`)
  }
}

function cylinderRim(w: number, h: number): string {
  const ry = Math.min(12, h * 0.14)
  return `M ${INSET} ${INSET + ry} A ${w / 2 - INSET} ${ry} 0 0 0 ${w - INSET} ${INSET + ry}`
}
