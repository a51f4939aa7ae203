// Debian's Chromium through playwright-core, as the browser tests and the benchmark launch it. Nothing downloads a
// browser here. The flags keep it from reaching out to Google's services (this network is closed; without them
// Chromium's own connections fail at every start), and map a made-up domain and all its subdomains to this machine.
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The command-line flags of every launch.
 * @param {string} domain e.g. "keksi.test": `www.keksi.test`, `app.keksi.test`... all resolve to 127.0.0.1
 */
export const chromiumFlags = domain => [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--host-resolver-rules=MAP *.${domain} 127.0.0.1`
]

/** @param {string} domain  as `chromiumFlags` takes it */
export const launchChromium = domain =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumFlags(domain) })
