/**
 * Child-process entry of the flood benchmark's flooder: `node flooder-child.ts <socket url> <board> <rate>`.
 * The flooder runs in a process of its own so that its sending loop does not share an event loop (or a
 * core's time slices) with the honest editor whose latency is measured. On the line `stop` on stdin it
 * stops and prints `counts <json>`, then exits.
 */
import { createInterface } from 'node:readline'
import { startFlooder } from './flooder.ts'

const [socketUrl, board, rate] = process.argv.slice(2)
if (socketUrl === undefined || board === undefined || rate === undefined) {
  console.error('usage: flooder-child.ts <socket url> <board> <messages per second>')
  process.exit(2)
}
const flooder = startFlooder(socketUrl, board, Number(rate))
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'stop') return
  flooder.stop().then(() => {
    const { closedByCode, ...counts } = flooder.counts
    console.log(`counts ${JSON.stringify({ ...counts, closedByCode: [...closedByCode] })}`)
    process.exit(0)
  })
})
