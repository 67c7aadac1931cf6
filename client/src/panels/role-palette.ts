import type { Role } from '@flowmap/shared'

/** Distinct, print-safe colours for roles; white or dark text reads on each (see role-badge.ts). */
export const ROLE_PALETTE = [
  '#4263eb',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#f59f00',
  '#0c8599',
  '#e03131',
  '#5c7cfa',
  '#94d82d',
  '#868e96',
] as const

/** The first palette colour no role uses yet, so a new role stands out; cycles once all are taken. */
export function nextRoleColor(roles: readonly Pick<Role, 'color'>[]): string {
  const used = new Set(roles.map((role) => role.color.toLowerCase()))
  return ROLE_PALETTE.find((color) => !used.has(color)) ?? ROLE_PALETTE[roles.length % ROLE_PALETTE.length]!
}

/** A new role id: unique without coordination, so two people adding roles offline never clash. */
export function newRoleId(): string {
  return `role:${crypto.randomUUID()}`
}
