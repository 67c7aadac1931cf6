// Sizes and colours of the container shapes' headers, shared by the canvas and SVG exports.

/** Height of the band at the top of a stage that holds its number and name. */
export const STAGE_HEADER_HEIGHT = 44

/** Width of the band on the left of a lane that names the lane and its role. */
export const LANE_HEADER_WIDTH = 132

/** A lane without a role is drawn in neutral grey until someone picks one. */
export const UNASSIGNED_LANE_COLOR = '#8a94a6'
