import { PERSON_COLORS } from '../presence/identity.ts'

/** A person's pin colour, the same on every device: from their id. */
export function authorColor(id: string): string {
  let hash = 0
  for (let index = 0; index < id.length; index++) hash = (hash * 31 + id.charCodeAt(index)) | 0
  return PERSON_COLORS[Math.abs(hash) % PERSON_COLORS.length]!
}

export function initialOf(name: string): string {
  return (name.trim()[0] ?? '?').toUpperCase()
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", else the date. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000))
  if (seconds < 60) return 'just now'
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`
  if (seconds < 7 * 86_400) return `${Math.floor(seconds / 86_400)} d ago`
  return new Date(at).toLocaleDateString()
}

export function threadLink(boardId: string, threadId: string): string {
  return `${window.location.origin}/b/${encodeURIComponent(boardId)}?comment=${encodeURIComponent(threadId)}`
}
