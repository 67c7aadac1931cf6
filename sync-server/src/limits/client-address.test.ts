import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { addressKey, clientAddress } from './client-address.ts'

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage
}

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted: any client can write it', () => {
    expect(clientAddress(request('198.51.100.9', '203.0.113.1'), 0)).toBe('198.51.100.9')
  })

  it('takes the entry the trusted proxy appended, not what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    expect(clientAddress(request('10.0.0.2', '1.1.1.1, 203.0.113.1'), 1)).toBe('203.0.113.1')
    expect(clientAddress(request('10.0.0.2', '1.1.1.1, 203.0.113.1, 10.0.0.1'), 2)).toBe('203.0.113.1')
  })

  it('falls back to the socket address without the header, and stops at an entry that is no address', () => {
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2')
    expect(clientAddress(request('10.0.0.2', '203.0.113.1, unknown'), 2)).toBe('10.0.0.2')
  })
})

describe('addressKey', () => {
  it('counts IPv4-mapped IPv6 as IPv4 and IPv6 per /64', () => {
    expect(addressKey('::ffff:192.0.2.10')).toBe('192.0.2.10')
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
  })
})
