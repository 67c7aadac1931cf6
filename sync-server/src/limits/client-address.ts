/**
 * The address per-address limits count a WebSocket under.
 *
 * Behind a reverse proxy every socket comes from the proxy, so the client's address is in
 * X-Forwarded-For, but any client can write that header too: it is read only for the `trustProxy`
 * proxies the operator declared, from the right (each proxy appends the address it saw), stopping at
 * the first entry that is not an address. IPv6 addresses count per /64: one host is given a whole
 * /64, so counting single addresses would give it billions of budgets.
 */
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

export function clientAddress(request: IncomingMessage, trustProxy: number): string {
  let address = request.socket.remoteAddress ?? 'unknown'
  if (trustProxy > 0) {
    const forwarded = forwardedFor(request.headers['x-forwarded-for'])
    for (let hop = 0; hop < trustProxy && hop < forwarded.length; hop++) {
      const entry = forwarded[forwarded.length - 1 - hop]!
      if (isIP(entry) === 0) break
      address = entry
    }
  }
  return addressKey(address)
}

function forwardedFor(header: string | string[] | undefined): string[] {
  if (header === undefined) return []
  const joined = Array.isArray(header) ? header.join(',') : header
  return joined
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

/** IPv4 (also IPv4-mapped IPv6) as is; IPv6 as its /64 prefix. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped !== null) return mapped[1]!
  if (isIP(address) !== 6) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0')
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''))
}
