import { attachmentOf } from '@flowmap/shared'
import type { TLShape } from 'tldraw'
import { AttachmentBadge } from './AttachmentBadge.tsx'
import { artifactOutline, cylinderRim } from './artifact-outline.ts'
import { EditableLabel } from './EditableLabel.tsx'
import { flowNodeShapeUtil } from './FlowNodeShapeUtil.ts'
import { ArtifactSvg } from './flow-node-svg.tsx'
import { ShapeContainer, ShapeOutline } from './shape-frame.tsx'
import { ArtifactIcon } from './workflow-icons.tsx'
import { ARTIFACT_KIND_OPTIONS, labelOf } from './workflow-vocabulary.ts'

export type ArtifactShape = TLShape<'artifact'>

/**
 * What moves between steps: a document, a data set or a system, drawn with its flowchart symbol. A card
 * made from a dropped file (a PDF) holds it (`meta.attachment`) and shows it as a badge that opens it.
 */
export class ArtifactShapeUtil extends flowNodeShapeUtil('artifact', ArtifactSvg) {
  override getAriaDescriptor(shape: ArtifactShape): string {
    const attachment = attachmentOf(shape)
    const described = `${labelOf(ARTIFACT_KIND_OPTIONS, shape.props.kind)} ${shape.props.label || 'untitled'}`
    return attachment ? `${described}, with the file ${attachment.name}` : described
  }

  override component(shape: ArtifactShape) {
    const { w, h, kind } = shape.props
    const attachment = attachmentOf(shape)
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
        {attachment && <AttachmentBadge shapeId={shape.id} attachment={attachment} />}
      </ShapeContainer>
    )
  }

  override getIndicatorPath(shape: ArtifactShape): Path2D {
    return new Path2D(artifactOutline(shape.props.kind, shape.props.w, shape.props.h))
  }
}
