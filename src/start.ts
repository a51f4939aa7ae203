import { resolveConfig } from './core/config.js'
import type { Report, ResolvedConfig } from './core/types.js'
import type { describe } from './diagnostics/describe.js'
import { gateMarkup } from './gate/gate-markup.js'
import { holdInserted } from './gate/hold-inserted.js'
import { isBot } from './integrations/bots.js'
import { consentMode } from './integrations/consent-mode.js'
import { globalPrivacyControl } from './integrations/gpc.js'
import { type Recorder, records } from './integrations/records.js'
import { otherTabs } from './integrations/tabs.js'
import { vendors } from './integrations/vendors.js'
import { withdrawal } from './integrations/withdrawal.js'
import { createKeksi, type Keksi, type MountEmbeds, type MountUi } from './keksi.js'
import { builtIns } from './services/built-ins.js'
import { cookieStorage } from './storage/cookie-storage.js'

/** How the host environment provides what Keksi cannot know by itself. */
export interface StartOptions {
  /** Fetches the UI bundle, and what it will fetch, when something must be shown. @internal */
  loadUi: (config: ResolvedConfig, urgent: boolean) => Promise<MountUi>
  /** Fetches the words of the owner-mistake messages, when there is a mistake to report. @internal */
  loadDescribe: () => Promise<typeof describe>
  /** Fetches the placeholders of embeds, when the gate holds one back. @internal */
  loadEmbeds: () => Promise<MountEmbeds>
  /** Fetches the sender of consent records (`record`), when a record is due. @internal */
  loadRecorder: () => Promise<Recorder>
  /** Fetches the debug report (`data-debug`, `debug: true`). @internal */
  loadDebug: () => Promise<(keksi: Keksi, config: ResolvedConfig) => void>
  /** The CSP nonce for every script Keksi inserts. */
  nonce?: string | undefined
  /** What the page queued in `window.keksi` before Keksi loaded. @internal */
  queue?: unknown[] | undefined
}

/**
 * Every owner mistake goes to the console once, as a sentence prefixed `[keksi]` (README "Mistakes"). The
 * sentences are fetched only when there is a mistake; should that fail, the raw report still gets out.
 */
export const reporter = (load: StartOptions['loadDescribe']): Report => {
  let words: ReturnType<typeof load> | undefined
  return (...problem) => {
    words ??= load()
    words
      .then(describe => describe(...problem))
      .then(
        sentence => console.warn(`[keksi] ${sentence}`),
        () => console.warn('[keksi]', ...problem)
      )
  }
}

/**
 * Validates the config, then wires the cookie, the API, the UI loader and every integration for this page.
 * Shared by the `<script>` tag (`auto.ts`) and `init()` from npm.
 */
export function start(input: unknown, options: StartOptions, report = reporter(options.loadDescribe)): Keksi {
  const config = resolveConfig(input, builtIns, report)
  // A crawler gets no banner, and so no decision: no tag runs, no record is sent, and GPC does not decide for it.
  // Asked only when there is no decision.
  const bot = (): boolean => isBot(navigator.userAgent)
  const keksi = createKeksi(config, {
    storage: cookieStorage({ name: config.cookieName, domain: config.cookieDomain }),
    loadUi: options.loadUi,
    loadEmbeds: options.loadEmbeds,
    report,
    doc: document,
    queue: options.queue,
    nonce: options.nonce,
    bot,
    // In this order: Consent Mode's default before any Google tag; the vendors' opt-outs before withdrawal deletes
    // what is left; auto-blocking before any other script can insert anything; GPC's decision last, heard by all (records too).
    integrations: [
      consentMode,
      vendors,
      withdrawal,
      holdInserted,
      gateMarkup,
      otherTabs,
      records(options.loadRecorder),
      globalPrivacyControl(bot)
    ]
  })
  if (config.debug)
    options.loadDebug().then(
      debug => debug(keksi, config),
      () => report('load', 'keksi-debug.js')
    )
  return keksi
}
