/**
 * The room the automatic layout leaves, in page units: the templates' grid (`template-layout.ts`) is
 * where a lane's header band and a stage's header come from, so an imported map reads like a drawn one.
 */
export {
  LANE_CONTENT_LEFT,
  LANE_HEIGHT,
  STAGE_CONTENT_TOP,
  STAGE_WIDTH,
} from '../../templates/template-layout.ts'

/** Between a container's edge and the cards in it (other than its header side). */
export const CONTAINER_PADDING = 40
/** Between two cards stacked in one column of a lane. */
export const STACK_GAP = 40
/** Between two pools, and between the pools and the cards that sit in no container. */
export const POOL_GAP = 80
/** The least room kept between a card placed next to drawn ones and any other card. */
export const PLACEMENT_MARGIN = 40
