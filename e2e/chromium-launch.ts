/**
 * How Flowmap's browser runs launch Chromium: Debian's build (browsers cannot be downloaded here), with
 * the background traffic off so nothing but the page talks to the network. The e2e config and the
 * browser benchmarks both launch with it.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
}
