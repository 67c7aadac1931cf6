import type { TLShape } from 'tldraw'
import { artifactOutline, cylinderRim } from './artifact-outline.ts'
import { EditableLabel } from './EditableLabel.tsx'
import { flowNodeShapeUtil } from './FlowNodeShapeUtil.ts'
import { ArtifactSvg } from './flow-node-svg.tsx'
import { ShapeContainer, ShapeOutline } from './shape-frame.tsx'
import { ArtifactIcon } from './workflow-icons.tsx'
import { ARTIFACT_KIND_OPTIONS, labelOf } from './workflow-vocabulary.ts'

export type ArtifactShape = TLShape<'artifact'>

/** What moves between steps: a document, a data set or a system, drawn with its flowchart symbol. */
export class ArtifactShapeUtil extends flowNodeShapeUtil('artifact', ArtifactSvg) {
  override getAriaDescriptor(shape: ArtifactShape): string {
    return `${labelOf(ARTIFACT_KIND_OPTIONS, shape.props.kind)} ${shape.props.label || 'untitled'}`
  }

  override component(shape: ArtifactShape) {
    const { w, h, kind } = shape.props
    return (
      <ShapeContainer shape={shape} data={{ 'data-kind': kind }}>
        <ShapeOutline className="flowmap-artifact__outline" w={w} h={h}>
          <path d={artifactOutline(kind, w, h)} />
          {kind === 'data' && <path className="flowmap-artifact__rim" d={cylinderRim(w, h)} />}
          {kind === 'system' && (
            <path
              className="flowmap-artifact__rim"
              d={`M 12 1.5 V ${h - 1.5} M ${w - 12} 1.5 V ${h - 1.5}`}
            />
          )}
        </ShapeOutline>
        <div className="flowmap-artifact__kind">
          <ArtifactIcon kind={kind} size={16} />
          <span>{labelOf(ARTIFACT_KIND_OPTIONS, kind)}</span>
        </div>
        <EditableLabel
          shape={shape}
          placeholder={labelOf(ARTIFACT_KIND_OPTIONS, kind)}
          ariaLabel="Artifact label"
        />
      </ShapeContainer>
    )
  }

  override getIndicatorPath(shape: ArtifactShape): Path2D {
    return new Path2D(artifactOutline(shape.props.kind, shape.props.w, shape.props.h))
  }
}
