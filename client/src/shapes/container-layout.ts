// Sizes and colours of the container shapes' headers, shared by the canvas and SVG exports.

/** Height of the band at the top of a stage that holds its number and name. */
export const STAGE_HEADER_HEIGHT = 44

/** Width of the band on the left of a lane that names the lane and its role. */
export const LANE_HEADER_WIDTH = 132

/** A lane without a role is drawn in neutral grey until someone picks one. */
export const UNASSIGNED_LANE_COLOR = '#8a94a6'

/** Room a container keeps around its children when it is made smaller (see clampToContent). */
const CONTENT_MARGIN = 16

/** The padding a container keeps around its children: its header band and a margin. */
export function containerPadding(type: 'stage' | 'lane') {
  return type === 'lane'
    ? {
        left: LANE_HEADER_WIDTH + CONTENT_MARGIN,
        top: CONTENT_MARGIN,
        right: CONTENT_MARGIN,
        bottom: CONTENT_MARGIN,
      }
    : {
        left: CONTENT_MARGIN,
        top: STAGE_HEADER_HEIGHT + CONTENT_MARGIN,
        right: CONTENT_MARGIN,
        bottom: CONTENT_MARGIN,
      }
}
