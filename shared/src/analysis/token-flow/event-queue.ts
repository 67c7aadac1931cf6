/**
 * The simulation's future events, earliest first; events at the same time come out in the order
 * they were scheduled, so a run is the same for a seed whatever the heap's shape.
 */
export class EventQueue<E extends { time: number }> {
  private readonly heap: Array<{ event: E; order: number }> = []
  private scheduled = 0

  get size(): number {
    return this.heap.length
  }

  push(event: E): void {
    const heap = this.heap
    const entry = { event, order: this.scheduled++ }
    let i = heap.length
    heap.push(entry)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(entry, heap[parent]!)) break
      heap[i] = heap[parent]!
      i = parent
    }
    heap[i] = entry
  }

  pop(): E | undefined {
    const heap = this.heap
    const top = heap[0]
    if (top === undefined) return undefined
    const last = heap.pop()!
    if (heap.length > 0) {
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        if (left >= heap.length) break
        const right = left + 1
        const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left
        if (!before(heap[child]!, last)) break
        heap[i] = heap[child]!
        i = child
      }
      heap[i] = last
    }
    return top.event
  }
}

function before(
  a: { event: { time: number }; order: number },
  b: { event: { time: number }; order: number },
) {
  return a.event.time < b.event.time || (a.event.time === b.event.time && a.order < b.order)
}
