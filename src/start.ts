import { consentNames, resolveConfig } from './core/config.js'
import type { Report } from './core/types.js'
import { gateMarkup } from './gate/gate-markup.js'
import { createKeksi, type Keksi, type MountUi } from './keksi.js'
import { builtIns } from './services/built-ins.js'
import { cookieStorage } from './storage/cookie-storage.js'

/** How the host environment provides what Keksi cannot know by itself. */
export interface StartOptions {
  /** Fetches the UI bundle when something must be shown. */
  loadUi: () => Promise<MountUi>
  /** The theme stylesheet's URL for a theme, unless the config names its own `css`. */
  themeUrl?: (theme: string) => string
  /** The CSP nonce for every script Keksi inserts. */
  nonce?: string
  queue?: unknown[]
  doc?: Document
}

/** Every owner mistake goes to the console once, prefixed so it is easy to find (SPEC §9). */
export const report: Report = message => console.warn(`[keksi] ${message}`)

/**
 * Validates the config, then wires the cookie, the API, the gate and the UI loader for this page.
 * Shared by the `<script>` tag (`auto.ts`) and `init()` from npm.
 */
export function start(input: unknown, options: StartOptions): Keksi {
  const doc = options.doc ?? document
  const config = resolveConfig(input, builtIns, report)
  const css = config.css ?? options.themeUrl?.(config.theme)
  const keksi = createKeksi(config, {
    storage: cookieStorage({
      name: config.cookieName,
      ...(config.cookieDomain ? { domain: config.cookieDomain } : {})
    }),
    loadUi: options.loadUi,
    report,
    doc,
    ...(css && css !== 'none' ? { css } : {}),
    ...(options.queue ? { queue: options.queue } : {})
  })
  gateMarkup(keksi, doc, {
    names: consentNames(config),
    report,
    ...(options.nonce ? { nonce: options.nonce } : {}),
    ...(config.reloadOnRevoke ? { reload: () => location.reload() } : {})
  })
  return keksi
}
