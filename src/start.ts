import type { WritableAtom } from 'nanostores'
import { decode } from './core/codec.js'
import { consentNames, resolveConfig } from './core/config.js'
import type { Consent, Report, ResolvedConfig } from './core/types.js'
import type { describe } from './diagnostics/describe.js'
import { gateMarkup } from './gate/gate-markup.js'
import { createKeksi, type Keksi, type MountUi } from './keksi.js'
import { builtIns } from './services/built-ins.js'
import { privacyEnhanced } from './services/youtube.js'
import { cookieStorage } from './storage/cookie-storage.js'

/** How the host environment provides what Keksi cannot know by itself. */
export interface StartOptions {
  /** Fetches the UI bundle when something must be shown. */
  loadUi: () => Promise<MountUi>
  /** Fetches the words of the owner-mistake messages, when there is a mistake to report. */
  loadDescribe: () => Promise<typeof describe>
  /** Fetches the debug report (`data-debug`, `debug: true`). */
  loadDebug: () => Promise<(keksi: Keksi, config: ResolvedConfig) => void>
  /** The CSP nonce for every script Keksi inserts. */
  nonce?: string | undefined
  queue?: unknown[] | undefined
}

/**
 * Every owner mistake goes to the console once, as a sentence prefixed `[keksi]` (SPEC §9). The sentences are
 * fetched only when there is a mistake; should that fail, the raw report still gets out.
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
 * Validates the config, then wires the cookie, the API, the gate, the UI loader and the other tabs for this page.
 * Shared by the `<script>` tag (`auto.ts`) and `init()` from npm.
 */
export function start(input: unknown, options: StartOptions, report = reporter(options.loadDescribe)): Keksi {
  const doc = document
  const config = resolveConfig(input, builtIns, report)
  const storage = cookieStorage({ name: config.cookieName, domain: config.cookieDomain })
  const keksi = createKeksi(config, {
    storage,
    loadUi: options.loadUi,
    report,
    doc,
    queue: options.queue
  })
  gateMarkup(keksi, doc, {
    names: consentNames(config),
    report,
    nonce: options.nonce,
    reload: config.reloadOnRevoke && (() => location.reload()),
    hold: keksi.redraw,
    src: privacyEnhanced
  })
  // The site's other open tabs (SPEC §7): a decision here is news there, sent with the cookie's value, as the other
  // tab's own read of the cookie may come before the write has reached it. News a tab applies is not sent back.
  const tabs = new BroadcastChannel(`keksi:${config.cookieName}`)
  let told = 0
  keksi.store.listen(() => told || tabs.postMessage(storage.read()))
  tabs.onmessage = ({ data }) => {
    told = 1
    ;(keksi.store as WritableAtom<Consent | null>).set(decode(data, config, Date.now()))
    told = 0
  }
  if (config.debug)
    options.loadDebug().then(
      debug => debug(keksi, config),
      () => report('load', 'keksi-debug.js')
    )
  return keksi
}
