/** Up to two letters that stand for a role on a step's avatar: "Ops Team" → "OT", "reviewer" → "RE". */
export function roleInitials(name: string): string {
  const words = name
    .trim()
    .split(/[\s_-]+/u)
    .filter((word) => word.length > 0)
  if (words.length === 0) return '?'
  if (words.length === 1) return Array.from(words[0]!).slice(0, 2).join('').toUpperCase()
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toUpperCase()
}

/** WCAG relative luminance of a #rgb or #rrggbb colour, 0 (black) … 1 (white); null for anything else. */
export function relativeLuminance(color: string): number | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1]
  if (!hex) return null
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = Number.parseInt(full.slice(i, i + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two #rgb / #rrggbb colours (1 … 21); AA asks 4.5 for body text. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a) ?? 0, relativeLuminance(b) ?? 0].sort((x, y) => y - x) as [
    number,
    number,
  ]
  return (light + 0.05) / (dark + 0.05)
}

/**
 * Black or white text, whichever reads better on a role colour (WCAG relative luminance).
 * Accepts #rgb and #rrggbb; anything else gets white on the assumption of a mid-tone colour.
 */
export function textColorOn(background: string): '#1d1d1d' | '#ffffff' {
  const luminance = relativeLuminance(background)
  if (luminance === null) return '#ffffff'
  return luminance > 0.45 ? '#1d1d1d' : '#ffffff'
}
