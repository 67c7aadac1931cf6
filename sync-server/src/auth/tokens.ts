/**
 * Share-link tokens: HS256 JWTs (jose) with `sub`, `name`, `board` (id or '*'), `role`, `exp`, and a
 * `jti`, the token's own id, by which a facilitator's removal revokes that one link (a token signed
 * before tokens had one still opens, and is refused through its person instead: board-membership.ts).
 * Verification returns a value, never throws: the reason goes back to whoever presented the token.
 */
import { randomUUID } from 'node:crypto'
import { type BoardRole, boardRoleProblem, isBoardRole } from '@flowmap/shared'
import { errors, jwtVerify, SignJWT } from 'jose'
import type { BoardUser } from './roles.ts'

export interface TokenClaims {
  sub: string
  name: string
  board: string
  role: BoardRole
}

export type TokenCheck = { ok: true; user: BoardUser; expiresAt: number } | { ok: false; reason: string }

const ALGORITHM = 'HS256'

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret)
}

export async function issueToken(secret: string, claims: TokenClaims, expiresAt: Date): Promise<string> {
  return new SignJWT({ name: claims.name, board: claims.board, role: claims.role })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.sub)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret))
}

export async function verifyToken(secret: string, token: string): Promise<TokenCheck> {
  if (token === '') return { ok: false, reason: 'a token is required: open the board through a share link' }
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: [ALGORITHM] })
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      return { ok: false, reason: 'token has no subject (sub)' }
    }
    if (typeof payload.board !== 'string' || payload.board === '') {
      return { ok: false, reason: 'token names no board' }
    }
    if (!isBoardRole(payload.role)) {
      return {
        ok: false,
        reason: `token role ${boardRoleProblem(payload.role)}`,
      }
    }
    if (typeof payload.exp !== 'number') return { ok: false, reason: 'token has no expiry (exp)' }
    const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : payload.sub
    const tokenId = typeof payload.jti === 'string' && payload.jti !== '' ? { tokenId: payload.jti } : {}
    return {
      ok: true,
      user: { id: payload.sub, name, role: payload.role, board: payload.board, ...tokenId },
      expiresAt: payload.exp * 1000,
    }
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return { ok: false, reason: 'token expired: ask for a new share link' }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, reason: 'token signature is invalid (signed with another secret?)' }
    }
    if (error instanceof errors.JOSEError) return { ok: false, reason: `token rejected: ${error.message}` }
    return { ok: false, reason: 'token is not a JWT' }
  }
}
