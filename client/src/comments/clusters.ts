/**
 * Pins that would overlap on screen are drawn as one cluster: greedy grouping in screen space, each
 * pin joining the first cluster whose centre is within `radius` pixels. Pure, so it is tested alone.
 */

export type ScreenPin = {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly count: number
}
export type PinCluster = {
  readonly ids: readonly string[]
  readonly x: number
  readonly y: number
  /** Replies summed over the cluster's threads. */
  readonly total: number
}

export function clusterPins(pins: readonly ScreenPin[], radius: number): PinCluster[] {
  const clusters: { ids: string[]; sx: number; sy: number; total: number }[] = []
  const ordered = [...pins].sort((a, b) => a.x - b.x || a.y - b.y || a.id.localeCompare(b.id))
  for (const pin of ordered) {
    const near = clusters.find((cluster) => {
      const cx = cluster.sx / cluster.ids.length
      const cy = cluster.sy / cluster.ids.length
      return Math.hypot(cx - pin.x, cy - pin.y) <= radius
    })
    if (near) {
      near.ids.push(pin.id)
      near.sx += pin.x
      near.sy += pin.y
      near.total += pin.count
    } else clusters.push({ ids: [pin.id], sx: pin.x, sy: pin.y, total: pin.count })
  }
  return clusters.map(({ ids, sx, sy, total }) => ({ ids, x: sx / ids.length, y: sy / ids.length, total }))
}
