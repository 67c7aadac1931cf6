/**
 * ELK's layered algorithm (Sugiyama: layers along the flow, crossings minimised), direction RIGHT,
 * for a graph of boxes. It answers each box's top-left corner; the caller bands the boxes into lanes
 * and stages around that answer.
 *
 * Why `elkjs/lib/elk.bundled.js`: it is ELK compiled to JavaScript with its "worker" inlined as a fake
 * worker that runs in the calling thread, so the same import works in Node (server, tests), in the
 * browser bundle and inside a web worker, with no worker file to serve. `elkjs`'s main entry asks for
 * the `web-worker` package in Node, and `elk-api` needs a worker URL or factory, neither of which a
 * pure converter can provide. One flaw of the bundle: in a web worker it also installs `self.onmessage`
 * (to act as ELK's own worker script, kieler/elkjs#141), which in a Chromium check replaced the import
 * worker's own handler after its first layout, so every later message was lost. `newElk` puts the
 * worker's handler back.
 *
 * The bundle is CommonJS whose types are written as an ES module: Node and bundlers hand its
 * `module.exports` over as the default import, and that constructor carries itself as `.default`, so
 * `.default` is the constructor under every loader and under TypeScript's reading of the types. It is
 * imported when a layout first runs, not with the model: it is 1.6 MB, and a board that never imports
 * a file without geometry never needs it (the client bundler splits it into a chunk of its own).
 */

/**
 * A new ELK, with the worker's `onmessage` as it was before: the bundle evaluates its inlined worker
 * script (the part that takes `self.onmessage`) when the first ELK is constructed, not when imported.
 */
async function newElk() {
  const { default: elkModule } = await import('elkjs/lib/elk.bundled.js')
  const scope = globalThis as { onmessage?: unknown }
  const handler = scope.onmessage
  const elk = new elkModule.default()
  if (scope.onmessage !== handler) scope.onmessage = handler
  return elk
}

export type LayeredBox = {
  readonly id: string
  readonly w: number
  readonly h: number
  readonly partition?: number
}
export type LayeredEdge = { readonly from: string; readonly to: string }
export type LayeredPoint = { readonly x: number; readonly y: number }

/** Room for a connector and its label between layers, and between boxes of one layer. */
const BETWEEN_LAYERS = 100
const WITHIN_LAYER = 40
/** Between a card and a connector passing it in the same layer. */
const PAST_A_CONNECTOR = 100

/**
 * ELK's default layering (network simplex, the shortest edges) recurses once per layer deep: a flow
 * of several thousand steps in a row overflows the call stack (a 10,000-step chain did in Node). The
 * longest-path layering from the sources is iterative, so a graph ELK cannot layer the default way is
 * layered that way (and its cycles broken greedily, the depth-first way recursing as deep): less compact, still left to right along the flow.
 */
const DEEP_GRAPH_OPTIONS = {
  'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
  // The depth-first cycle breaking recurses as deep too: the greedy one is iterative.
  'elk.layered.cycleBreaking.strategy': 'GREEDY',
}

/**
 * Past a few hundred boxes ELK's thorough defaults cost seconds per thousand (a 2,000-step BPMN file
 * without layout took 18 s to import, 15 of them in ELK): its crossing minimisation sweeps layers many
 * times over, and its node placement and orthogonal edge routing compute what this layout then throws
 * away (the caller bands boxes into lanes and the board routes its own connectors). A large graph gets
 * one sweep, simple placement and straight routing: the same layers in the same order along the flow,
 * in a quarter of the time, with a few more crossings left for a person to tidy.
 */
export const LARGE_GRAPH_BOXES = 500
const LARGE_GRAPH_OPTIONS = {
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.edgeRouting': 'POLYLINE',
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message))
}

/**
 * The top-left corner of every box. With `partition` set on every box, partitions come in order left to
 * right (a stage's boxes all lie right of the stage before's). Edges whose ends are not both boxes are
 * left out: ELK refuses a graph with an edge to nowhere.
 */
export async function layeredPositions(
  boxes: readonly LayeredBox[],
  edges: readonly LayeredEdge[],
): Promise<Map<string, LayeredPoint>> {
  if (boxes.length === 0) return new Map()
  const known = new Set(boxes.map((box) => box.id))
  const partitioned = boxes.every((box) => box.partition !== undefined)
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(BETWEEN_LAYERS),
      'elk.spacing.nodeNode': String(WITHIN_LAYER),
      // A connector that skips a layer runs straight, and the card of that layer it would cross is set
      // off the line by a card's height (network-simplex placement keeps long edges straight): the lane
      // banding keeps ELK's rows, so the two stay apart on the board, whose elbows run straight too.
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.spacing.edgeNode': String(PAST_A_CONNECTOR),
      // Disconnected parts side by side along the flow would stretch the map; stacked they read as rows.
      'elk.separateConnectedComponents': 'false',
      // A process with a loop (rework: "no" goes back to an earlier step) must still read from its start:
      // ELK's default cycle breaking may reverse the wrong edge and put the start mid-flow. A depth-first
      // walk from the sources reverses only the edges that go back.
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      ...(boxes.length > LARGE_GRAPH_BOXES ? LARGE_GRAPH_OPTIONS : {}),
      ...(partitioned ? { 'elk.partitioning.activate': 'true' } : {}),
    },
    children: boxes.map((box) => ({
      id: box.id,
      width: box.w,
      height: box.h,
      ...(partitioned ? { layoutOptions: { 'elk.partitioning.partition': String(box.partition) } } : {}),
    })),
    edges: edges
      .filter((edge) => known.has(edge.from) && known.has(edge.to))
      .map((edge, i) => ({ id: `edge-${i}`, sources: [edge.from], targets: [edge.to] })),
  }
  const elk = await newElk()
  const laid = await elk.layout(graph).catch((error: unknown) => {
    if (!isStackOverflow(error)) throw error
    return elk.layout({ ...graph, layoutOptions: { ...graph.layoutOptions, ...DEEP_GRAPH_OPTIONS } })
  })
  return new Map((laid.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]))
}
