/**
 * A Mermaid flowchart of `steps` steps in three lanes (subgraphs), chained with dotted side branches
 * back: a file without geometry, so an import lays it out with elkjs, which takes long enough at a few
 * hundred steps to show whether the layout holds up anything else.
 */
export function unplacedFlowchart(steps: number): string {
  const lines = ['flowchart LR']
  for (let lane = 0; lane < 3; lane++) {
    lines.push(`  subgraph lane${lane}[Team ${lane}]`)
    for (let step = lane; step < steps; step += 3) lines.push(`    s${step}[Step ${step}]`)
    lines.push('  end')
  }
  for (let step = 1; step < steps; step++) {
    lines.push(`  s${step - 1} --> s${step}`)
    if (step % 7 === 0 && step > 10) lines.push(`  s${step} -.-> s${step - 9}`)
  }
  return lines.join('\n')
}
