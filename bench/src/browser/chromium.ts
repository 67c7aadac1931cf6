import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../e2e/chromium-launch.ts'

/** Chromium, launched as the e2e specs launch it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, headless: true })
}
