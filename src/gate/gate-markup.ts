import { knownNames } from '../core/config.js'
import type { Integration } from '../keksi.js'
import { privacyEnhanced } from '../services/youtube.js'

const BLOCKED =
  'script[type="text/plain"][data-consent],iframe[data-consent][data-src]:not([src]),img[data-consent][data-src]:not([src])'
const RELEASED_EMBEDS = 'iframe[data-consent][src],img[data-consent][src]'

/**
 * Gates the markup the site owner wrote, and what auto-blocking held back (README "Markup"): `<script
 * type="text/plain" data-consent>` runs, in document order and exactly once, when its category or service is
 * granted; `<iframe|img data-consent data-src>` get their `src` then, and lose it again when consent is withdrawn.
 * Markup added later is gated too. An unknown name is reported and stays blocked.
 */
export const gateMarkup: Integration = ({ keksi, config, doc, report, nonce, ran }) => {
  const known = new Set(knownNames(config))
  const reported = new WeakSet<Element>()
  let running = false
  let again = false

  const allowed = (element: HTMLElement): boolean => {
    const name = element.dataset.consent as string
    if (known.has(name)) return keksi.accepted(name)
    if (!reported.has(element)) {
      reported.add(element)
      report('consent', `<${element.localName} data-consent>`, name, [...known])
    }
    return false
  }

  /**
   * Runs a held script as the element it is, so what the page set on it (its `onload`, its place) stays: a script
   * whose type becomes runnable is run by the browser when it gains a `src`, or new text. `data-consent` stays, so
   * the debug report and the page's own code can tell what Keksi released.
   */
  const run = (script: HTMLScriptElement): Promise<unknown> => {
    const { type, consent } = script.dataset
    if (type) script.type = type
    else script.removeAttribute('type')
    if (nonce) script.nonce = nonce
    ran.add(consent as string)
    const src = script.getAttribute('src')
    if (src === null) {
      // New text: the browser runs an inline script when its children change.
      script.replaceChildren(script.text)
      return Promise.resolve()
    }
    // External scripts run one after another, so each sees what the ones before it set up.
    const loaded = new Promise(resolve => {
      script.addEventListener('load', resolve, { once: true })
      script.addEventListener('error', resolve, { once: true })
    })
    script.removeAttribute('src')
    script.setAttribute('src', src)
    return loaded
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
          if (element.localName === 'iframe') keksi.redraw()
        } else if (element instanceof HTMLScriptElement) await run(element)
        else element.setAttribute('src', privacyEnhanced(element.dataset.src as string))
      }
    } while (again)
    running = false
  }

  keksi.store.listen(() => {
    for (const embed of doc.querySelectorAll<HTMLElement>(RELEASED_EMBEDS)) {
      if (!allowed(embed)) {
        // Removing `src` does not unload a frame; a fresh element without it does.
        const blocked = embed.cloneNode() as HTMLElement
        blocked.removeAttribute('src')
        embed.replaceWith(blocked)
      }
    }
    void release()
  })

  const observer = new MutationObserver(() => void release())
  // Wait for the parser: a script's text may still be arriving while its element is already in the DOM.
  const start = (): void => {
    observer.observe(doc.documentElement, { childList: true, subtree: true })
    void release()
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true })
  else start()
}
