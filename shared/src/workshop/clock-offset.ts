/**
 * How far the server's clock is ahead of this page's, estimated as NTP does: the page notes its time when
 * it sends a clock request (t0) and when the answer arrives (t1); the server answered with its time in
 * between. Assuming the request and the answer took equally long, the server's time matches the page's
 * midpoint (t0 + t1) / 2, and the error is at most half the round trip. So of a few samples the one with
 * the shortest round trip is kept: its bound is the tightest, and a sample delayed on one leg (a busy
 * event loop, a queued frame) is the one thrown away.
 */

export interface ClockSample {
  /** the page's clock when the request was sent */
  sentAt: number
  /** the page's clock when the answer arrived */
  receivedAt: number
  /** the server's clock when it answered */
  serverTime: number
}

export interface ClockOffset {
  /** server time = page time + offsetMs */
  offsetMs: number
  /** the round trip of the sample it came from; the offset is right within half of it */
  roundTripMs: number
}

/** One sample's estimate; null for a sample that cannot be one (answer before request, not finite). */
export function offsetOfSample(sample: ClockSample): ClockOffset | null {
  const { sentAt, receivedAt, serverTime } = sample
  if (![sentAt, receivedAt, serverTime].every(Number.isFinite)) return null
  const roundTripMs = receivedAt - sentAt
  if (roundTripMs < 0) return null
  return { offsetMs: serverTime - (sentAt + roundTripMs / 2), roundTripMs }
}

/** The estimate of the sample with the shortest round trip (the first of equals); null with none usable. */
export function bestClockOffset(samples: Iterable<ClockSample>): ClockOffset | null {
  let best: ClockOffset | null = null
  for (const sample of samples) {
    const estimate = offsetOfSample(sample)
    if (estimate !== null && (best === null || estimate.roundTripMs < best.roundTripMs)) best = estimate
  }
  return best
}
