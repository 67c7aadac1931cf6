import { toWorkflowGraph, type ValueStreamMetrics, valueStream } from '@flowmap/shared'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { type Atom, atom, type Editor, useEditor, useValue } from 'tldraw'
import { viewportBox } from '../../shapes/viewport-geometry.ts'
import { formatElapsed } from '../../walkthrough/format-elapsed.ts'
import { type LadderLayout, ladderLayout } from './vsm-ladder-layout.ts'
import './vsm-ladder.css'

const ladderOnByEditor = new WeakMap<Editor, Atom<boolean>>()

/** Whether this person shows the ladder; per editor and local (nothing is written to the board). */
export function vsmLadderAtom(editor: Editor): Atom<boolean> {
  let on = ladderOnByEditor.get(editor)
  if (!on) {
    on = atom('vsm ladder on', false)
    ladderOnByEditor.set(editor, on)
  }
  return on
}

/** Reading the whole map on every keystroke would be a full-board scan per edit: wait for edits to settle. */
const RECOMPUTE_AFTER_MS = 250

/**
 * The toolbar's "VSM timeline" switch, offered on boards with stages, and while it is on the value
 * stream's timeline ladder drawn under the stages, over the canvas (in the editor's container).
 */
export function VsmLadderMode() {
  const editor = useEditor()
  const on = useValue('vsm ladder on', () => vsmLadderAtom(editor).get(), [editor])
  const hasStages = useValue(
    'board has stages',
    () => editor.getCurrentPageShapes().some((shape) => shape.type === 'stage'),
    [editor],
  )
  if (!hasStages && !on) return null
  return (
    <>
      <button
        type="button"
        className="flowmap-button flowmap-vsm-ladder-button"
        aria-pressed={on}
        data-testid="vsm-ladder-toggle"
        title="Show the value stream's timeline under the stages: wait above, process time below"
        onClick={() => vsmLadderAtom(editor).set(!on)}
      >
        VSM timeline
      </button>
      {on && createPortal(<VsmLadder editor={editor} />, editor.getContainer())}
    </>
  )
}

function useValueStream(editor: Editor): ValueStreamMetrics | null {
  const [metrics, setMetrics] = useState<ValueStreamMetrics | null>(null)
  useEffect(() => {
    const compute = () => setMetrics(valueStream(toWorkflowGraph(editor.store.allRecords(), [])))
    compute()
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = editor.store.listen(
      () => {
        clearTimeout(timer)
        timer = setTimeout(compute, RECOMPUTE_AFTER_MS)
      },
      { scope: 'document' },
    )
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [editor])
  return metrics
}

/** The ladder itself: positions follow the camera, figures follow the map (after edits settle). */
export function VsmLadder({ editor }: { editor: Editor }) {
  const metrics = useValueStream(editor)
  const layout = useValue('vsm ladder layout', (): LadderLayout | null => {
    if (metrics === null) return null
    let bottom = Number.NEGATIVE_INFINITY
    const stages = metrics.stages.flatMap((stage) => {
      const box = viewportBox(editor, stage.stageId)
      if (box === null) return []
      bottom = Math.max(bottom, box.y + box.h)
      return [
        {
          stageId: stage.stageId,
          wait: stage.wait,
          process: stage.process,
          left: box.x,
          right: box.x + box.w,
        },
      ]
    })
    return ladderLayout(stages, bottom + 22)
  }, [editor, metrics])
  if (metrics === null || layout === null) return null
  const { total } = metrics
  const percent = (ratio: number | null) => (ratio === null ? '–' : `${Math.round(ratio * 1000) / 10}%`)
  return (
    <div className="flowmap-vsm-ladder" data-testid="vsm-ladder">
      <svg className="flowmap-vsm-ladder__svg" aria-hidden="true">
        <path d={layout.wave} className="flowmap-vsm-ladder__wave" />
      </svg>
      {layout.rungs.map((rung) => (
        <span
          key={`${rung.stageId}-${rung.kind}`}
          className="flowmap-vsm-ladder__label"
          data-testid="vsm-ladder-rung"
          data-kind={rung.kind}
          data-stage-id={rung.stageId}
          style={{
            left: rung.x1,
            width: Math.max(0, rung.x2 - rung.x1),
            top: rung.kind === 'wait' ? rung.y - 18 : rung.y + 3,
          }}
          title={rung.kind === 'wait' ? 'Wait' : 'Process time'}
        >
          {formatElapsed(rung.hours)}
        </span>
      ))}
      <dl
        className="flowmap-vsm-ladder__totals"
        aria-label="Value stream totals"
        style={{ left: layout.totalsX, top: layout.upperY - 18 }}
      >
        <dt>Lead time</dt>
        <dd data-testid="vsm-ladder-lead">{formatElapsed(total.lead)}</dd>
        <dt>Process time</dt>
        <dd data-testid="vsm-ladder-process">{formatElapsed(total.process)}</dd>
        <dt>Activity ratio</dt>
        <dd data-testid="vsm-ladder-activity-ratio">{percent(total.activityRatio)}</dd>
        <dt>Rolled % C&amp;A</dt>
        <dd data-testid="vsm-ladder-rolled-ca">
          {total.rolledCompleteAccurate === null
            ? '–'
            : `${Math.round(total.rolledCompleteAccurate * 10) / 10}%`}
        </dd>
      </dl>
    </div>
  )
}
