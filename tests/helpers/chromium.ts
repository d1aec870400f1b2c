import { existsSync } from 'node:fs'

/** Debian's Chromium where it is installed (Playwright cannot download browsers here); else Playwright's own. */
export const systemChromium: string | undefined = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
]
  .filter((p): p is string => !!p)
  .find((p) => existsSync(p))

/**
 * Headless flags for a closed network: without the background-networking ones
 * Chromium keeps dialling Google's hosts and logs every refusal.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
