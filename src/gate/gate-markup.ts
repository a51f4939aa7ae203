import type { Consent, Report } from '../core/types.js'

/** What the gate needs of Keksi: the decision and a way to ask about one name. */
export interface GateSource {
  store: { listen(fn: (consent: Consent | null) => void): () => void }
  accepted(name: string): boolean
}

export interface GateOptions {
  /** Category and service names a `data-consent` may use. */
  names: string[]
  /** The CSP nonce of the Keksi tag, given to every script Keksi inserts (SPEC §5). */
  nonce?: string | undefined
  report: Report
  /** Called when consent for a script that already ran is withdrawn; leave out to keep the page as it is. */
  reload?: (() => void) | false | undefined
  /** Called for every embed held back: its placeholder is someone else's to draw. */
  hold: () => void
  /** The URL an embed really loads, for its `data-src` (YouTube's privacy-enhanced domain, SPEC §5). */
  src: (url: string) => string
}

const BLOCKED =
  'script[type="text/plain"][data-consent],iframe[data-consent][data-src]:not([src]),img[data-consent][data-src]:not([src])'
const RELEASED_EMBEDS = 'iframe[data-consent][src],img[data-consent][src]'

/**
 * Gates the markup the site owner wrote (SPEC §5): `<script type="text/plain" data-consent>` runs, in document
 * order and exactly once, when its category or service is granted; `<iframe|img data-consent data-src>` get their
 * `src` then, and lose it again when consent is withdrawn. Markup added later is gated too. An unknown name is
 * reported and stays blocked.
 *
 * @example
 * gateMarkup(keksi, document, { names: ['analytics', 'ga4'], report: (...problem) => console.warn(problem) })
 */
export function gateMarkup(source: GateSource, doc: Document, options: GateOptions): () => void {
  const known = new Set(['necessary', ...options.names])
  const reported = new WeakSet<Element>()
  /** Names whose scripts ran in this page view: withdrawing them needs a reload. */
  const ran = new Set<string>()
  let running = false
  let again = false

  const allowed = (element: HTMLElement): boolean => {
    const name = element.dataset.consent as string
    if (known.has(name)) return source.accepted(name)
    if (!reported.has(element)) {
      reported.add(element)
      options.report('consent', `<${element.localName} data-consent>`, name, [...known])
    }
    return false
  }

  // A new element is needed: browsers never run a script element whose type changes after insertion.
  const run = (blocked: HTMLScriptElement): Promise<unknown> => {
    const script = doc.createElement('script')
    for (const { name, value } of blocked.attributes) {
      // `data-consent` stays: the debug report and the page's own code can tell what Keksi released.
      if (name !== 'type' && name !== 'data-type') script.setAttribute(name, value)
    }
    if (blocked.dataset.type) script.type = blocked.dataset.type
    if (options.nonce) script.nonce = options.nonce
    script.text = blocked.text
    ran.add(blocked.dataset.consent as string)
    // External scripts run one after another, so each sees what the ones before it set up.
    const loaded = script.src ? new Promise(resolve => (script.onload = script.onerror = resolve)) : null
    blocked.replaceWith(script)
    return loaded ?? Promise.resolve()
  }

  const release = async (): Promise<void> => {
    if (running) {
      again = true
      return
    }
    running = true
    do {
      again = false
      for (const element of doc.querySelectorAll<HTMLElement>(BLOCKED)) {
        if (!element.isConnected) continue
        if (!allowed(element)) {
          if (element.localName === 'iframe') options.hold()
        } else if (element instanceof HTMLScriptElement) await run(element)
        else element.setAttribute('src', options.src(element.dataset.src as string))
      }
    } while (again)
    running = false
  }

  const unlisten = source.store.listen(() => {
    for (const embed of doc.querySelectorAll<HTMLElement>(RELEASED_EMBEDS)) {
      if (!allowed(embed)) {
        // Removing `src` does not unload a frame; a fresh element without it does.
        const blocked = embed.cloneNode() as HTMLElement
        blocked.removeAttribute('src')
        embed.replaceWith(blocked)
      }
    }
    // A script that ran cannot be unloaded: withdrawing its consent needs a fresh page (SPEC §5).
    if (options.reload && [...ran].some(name => !source.accepted(name))) options.reload()
    else void release()
  })

  const observer = new MutationObserver(() => void release())
  // Wait for the parser: a script's text may still be arriving while its element is already in the DOM.
  const start = (): void => {
    observer.observe(doc.documentElement, { childList: true, subtree: true })
    void release()
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true })
  else start()

  return () => {
    unlisten()
    observer.disconnect()
    doc.removeEventListener('DOMContentLoaded', start)
  }
}
