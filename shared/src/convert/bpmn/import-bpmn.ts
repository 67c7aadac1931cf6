/**
 * BPMN 2.0 import: Flowmap's own export (docs/bpmn-dialect.md) and what other modelers write (Camunda,
 * Signavio, Bizagi, bpmn.io …) read into a draft, or refused with a sentence naming the problem.
 *
 * 1. Scan the raw XML (saxen): refuse a DTD, a file that is not XML or is cut off, a root that is not
 *    BPMN 2.0 `definitions`, nesting or element counts beyond the import limits.
 * 2. Read it with bpmn-moddle; refuse a flow whose end names no element, tell the rest of its warnings.
 * 3. Pools, lanes and roles (bpmn-pools.ts); flow nodes, artifacts, expanded and collapsed subprocesses
 *    (bpmn-flow-nodes.ts); flows and associations (bpmn-connections.ts); what groups hold by their
 *    diagram (bpmn-group-placement.ts); geometry from BPMNDI wherever the file has it, null bounds
 *    elsewhere (`draftToContent` lays those out).
 * 4. The report counts every element once, as mapped or kept as a note; what the scan counted and the
 *    mapping did not reach is told, never dropped silently.
 *
 * What the draft's `meta` holds, for `draftToContent` and an export that writes the same element back:
 * - every node and container: `bpmnKind`, the element's type as the XML names it (`userTask`,
 *   `parallelGateway`, `boundaryEvent`, `lane`, `participant` for a pool drawn as one lane, `group`);
 * - events (and events kept as notes): `bpmnEvent`, the trigger (`timer`, `message`, `multiple` …);
 *   a boundary event's note: `attachedTo` and `nearNodeId`, its host's id;
 * - a text annotation's note: `nearNodeId` (the draft's key for a note's anchor), the element its
 *   association without `flowmap:flow` joins it to;
 * - steps: `status` and `estimate` (Flowmap's attributes; the draft has no field for them),
 *   `calledElement` (a call activity), `innerElements` (a collapsed subprocess: how many it holds);
 * - stages: `order` (a group's `flowmap:order`), `lane` (an expanded subprocess's own lane);
 * - lanes: `stage`, the group drawn around the lane (`bpmn-group-placement.ts`);
 * - edges: `bpmnKind` (`sequenceFlow`, `messageFlow`, `dataInputAssociation`, `association` …),
 *   `condition` (when it differs from the name that became the branch label), `default` (a gateway's
 *   default flow), `sourceRef` / `targetRef` (what a loose end pointed at).
 */
import type { ModdleElement } from 'bpmn-moddle'
import type { DraftRead } from '../flow-draft.ts'
import { readConnections } from './bpmn-connections.ts'
import { indexDiagrams } from './bpmn-diagram-index.ts'
import { readFlowNodes } from './bpmn-flow-nodes.ts'
import { placeInGroups } from './bpmn-group-placement.ts'
import { readPools } from './bpmn-pools.ts'
import type { BpmnReadContext } from './bpmn-read-context.ts'
import { readFlowmapAttributes } from './flowmap-attributes.ts'
import { fitForeignDiagram } from './foreign-diagram-fit.ts'
import { manyOf, stringOf } from './moddle-read.ts'
import { readBpmnModel } from './read-bpmn-model.ts'
import { ReportTally } from './report-tally.ts'
import { scanBpmnXml } from './scan-bpmn-xml.ts'

function writtenBy(definitions: ModdleElement): string | null {
  const exporter = stringOf(definitions, 'exporter')
  if (exporter === null) return null
  const version = stringOf(definitions, 'exporterVersion')
  return version === null ? exporter : `${exporter} ${version}`
}

function layoutNotice(diagramPresent: boolean, placed: readonly { bounds: unknown }[]): string | null {
  const unplaced = placed.filter((element) => element.bounds === null).length
  if (unplaced === 0) return null
  if (!diagramPresent) {
    return `the file has no diagram layout (BPMNDI): all ${placed.length} elements are laid out automatically`
  }
  return `${unplaced} of ${placed.length} elements have no diagram layout (BPMNDI) and are laid out automatically`
}

/** Reads a BPMN 2.0 XML file (bpmn-moddle) into a draft, or says what is wrong with it. */
export async function bpmnToDraft(xml: string): Promise<DraftRead> {
  const scan = scanBpmnXml(xml)
  if (!scan.ok) return scan
  const model = await readBpmnModel(xml)
  if (!model.ok) return model
  const { definitions } = model

  const tally = new ReportTally()
  const context: BpmnReadContext = {
    flowmap: readFlowmapAttributes(definitions),
    diagram: indexDiagrams(definitions),
    tally,
  }
  const pools = readPools(definitions, context)
  if (pools === null) {
    return {
      ok: false,
      reason:
        'the file holds no BPMN process or pool (no <process> or <participant> element), so there is nothing to import',
    }
  }
  const collaborations = manyOf(definitions, 'rootElements').filter(
    (root) => root.$type === 'bpmn:Collaboration',
  )
  const laneRoles = new Map(pools.containers.map((lane) => [lane.id, lane.roleId]))
  const flowNodes = readFlowNodes(
    {
      scopes: pools.scopes,
      collaborations,
      laneOfNode: pools.laneOfNode,
      laneRoles,
      allLanes: pools.containers,
    },
    context,
  )
  const connections = readConnections(flowNodes, collaborations, context)
  const placed = placeInGroups([...pools.containers, ...flowNodes.stages], connections.nodes)
  // Our own export's geometry is the board's; another modeler's is drawn for its smaller boxes.
  const { containers, nodes, edges } =
    definitions.exporter === 'Flowmap'
      ? { ...placed, edges: connections.edges }
      : fitForeignDiagram({ ...placed, edges: connections.edges })

  const notices = [...model.notices, ...tally.notices]
  const notice = layoutNotice(context.diagram.present, [...containers, ...nodes])
  if (notice !== null) notices.push(notice)
  const unreached = scan.elementCount - tally.total()
  if (unreached > 0) {
    notices.push(
      `${unreached} elements of the file sit where the import does not read them and are not on the board`,
    )
  }

  return {
    ok: true,
    draft: {
      title: pools.title,
      roles: pools.roles,
      containers,
      nodes,
      edges,
      report: {
        format: 'bpmn',
        writtenBy: writtenBy(definitions),
        elementCount: tally.total(),
        mapped: tally.mappedLinesInOrder(),
        keptAsNotes: tally.keptLinesInOrder(),
        notices,
      },
    },
  }
}
