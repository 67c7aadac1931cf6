import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { contrastRatio } from '../shapes/role-badge.ts'

/** The custom properties of one rule of theme.css, by name without the `--fm-` prefix. */
function tokensOf(selector: string): Record<string, string> {
  const css = readFileSync(new URL('./theme.css', import.meta.url), 'utf8')
  const start = css.indexOf(`${selector} {`)
  const body = css.slice(start, css.indexOf('}', start))
  return Object.fromEntries(
    [...body.matchAll(/--fm-([\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1], m[2]]),
  )
}

const TEXT_ON_SURFACE = [
  ['text', 'surface'],
  ['text', 'bg'],
  ['text', 'surface-muted'],
  ['text-secondary', 'surface'],
  ['text-secondary', 'surface-muted'],
  ['text-muted', 'surface'],
  ['text-muted', 'bg'],
  ['link', 'surface'],
  ['link', 'accent-soft'],
  ['danger-text', 'surface'],
  ['danger-text', 'danger-soft'],
  ['success-text', 'surface'],
  ['success-text', 'success-soft'],
  ['warning-text', 'surface'],
  ['warning-text', 'warning-soft'],
] as const

test.each([':root', ':root[data-theme="dark"]'])('the chrome’s text reads at WCAG AA in %s', (selector) => {
  const tokens = tokensOf(selector)
  for (const [text, surface] of TEXT_ON_SURFACE) {
    const [ink, paper] = [tokens[text], tokens[surface]]
    if (!ink || !paper) throw new Error(`theme.css ${selector} has no --fm-${text} or --fm-${surface}`)
    expect(contrastRatio(ink, paper), `--fm-${text} on --fm-${surface}`).toBeGreaterThanOrEqual(4.5)
  }
})
