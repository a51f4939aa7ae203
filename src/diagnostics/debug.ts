/**
 * Debug mode (`data-debug`, or `debug: true`): an audit a site owner runs on their own pages. Fetched only then, as
 * `keksi-debug.js`, it prints one report of the decision, every category and service, what is held back and what was
 * released (and when), and then a warning for every third-party resource the page fetched before it was allowed,
 * found through Resource Timing. Nothing of it changes what Keksi does.
 */
import { consentNames } from '../core/config.js'
import type { ResolvedConfig } from '../core/types.js'
import type { Keksi } from '../keksi.js'

/** Where a gated element sends its request: its `src` once released, its `data-src` while held. */
const GATED = 'script[data-consent],iframe[data-consent],img[data-consent]'

/** A gated element as the report shows it: `<script src="…">` or `<script> inline`. */
const describe = (element: HTMLElement): string => {
  const src = element.getAttribute('src') ?? element.dataset.src
  return src ? `<${element.localName} src="${src}">` : `<${element.localName}> inline`
}
/** A moment of the page view, as the report shows it. */
const at = (time: number): string => `${Math.round(time)} ms`

/**
 * Starts the audit of this page view: the report once the page has loaded, releases as they happen, and a warning
 * per escaped resource as soon as Resource Timing has it.
 *
 * @example
 * debug(keksi, config, 'https://cdn.example.com/keksi/')
 */
export function debug(keksi: Keksi, config: ResolvedConfig, base?: string): void {
  const names = consentNames(config)
  // When each name was granted, in page time: a decision stored before this page counts from its start.
  const grantedAt = new Map<string, number>()
  const consent = keksi.get()
  const decided = consent ? Math.max(0, Date.parse(consent.decidedAt) - performance.timeOrigin) : 0
  for (const name of names) if (keksi.accepted(name)) grantedAt.set(name, decided)
  keksi.on('change', ({ granted, revoked }) => {
    for (const name of granted) grantedAt.set(name, performance.now())
    for (const name of revoked) grantedAt.delete(name)
  })
  const firstGrant = (): number => Math.min(...grantedAt.values())

  // Released: a gated script that runs (it keeps its `data-consent`; it is released as the element it is, by a new
  // type and then a new `src` or text), a frame or image that gets its `src`. Each element once.
  const released: string[] = []
  const seen = new WeakSet<Node>()
  new MutationObserver(records => {
    for (const record of records) {
      const elements = [record.target, ...record.addedNodes]
      for (const element of elements) {
        if (
          element instanceof HTMLElement &&
          !seen.has(element) &&
          element.matches(GATED) &&
          element.getAttribute('type') !== 'text/plain' &&
          (element.hasAttribute('src') || element.localName === 'script')
        ) {
          seen.add(element)
          const line = `${describe(element)} (${element.dataset.consent}) at ${at(performance.now())}`
          released.push(line)
          console.info(`[keksi] debug: released ${line}`)
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributeFilter: ['src', 'type'] })

  const report = (): void => {
    const now = keksi.get()
    console.group('[keksi] debug report')
    console.info(
      `decision: ${now ? `${now.method}, made ${now.decidedAt}, expires ${now.expiresAt}` : 'none yet (the banner asks)'}`
    )
    console.table(
      Object.fromEntries(
        ['necessary', ...names].map(name => [
          name,
          {
            kind: config.services[name] ? `service in ${config.services[name]?.category}` : 'category',
            allowed: keksi.accepted(name)
          }
        ])
      )
    )
    const held = [
      ...document.querySelectorAll<HTMLElement>(
        'script[type="text/plain"][data-consent],iframe[data-consent]:not([src]),img[data-consent]:not([src])'
      )
    ]
    console.info(
      `held until consent: ${held.length ? held.map(e => `${describe(e)} (${e.dataset.consent})`).join(', ') : 'nothing'}`
    )
    console.info(`released so far: ${released.length ? released.join(', ') : 'nothing'}`)
    console.info(
      'every third-party resource fetched before it was allowed gets a warning of its own: run this as a new visitor, or after "Reject all"'
    )
    console.groupEnd()
  }
  if (document.readyState === 'complete') setTimeout(report)
  else addEventListener('load', () => setTimeout(report))

  // The name each gated URL waits for: a resource from it is allowed once that name is.
  const gatedName = (url: string): string | undefined => {
    for (const element of document.querySelectorAll<HTMLElement>(GATED)) {
      const src = element.getAttribute('src') ?? element.dataset.src
      if (src && new URL(src, document.baseURI).href === url) return element.dataset.consent
    }
    return undefined
  }
  new PerformanceObserver(list => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      const url = entry.name
      if (!/^https?:/.test(url) || new URL(url).origin === location.origin || (base && url.startsWith(base)))
        continue
      const name = gatedName(url)
      const allowedAt = name ? (grantedAt.get(name) ?? Infinity) : firstGrant()
      if (entry.startTime < allowedAt) {
        console.warn(
          `[keksi] debug: ${url} (${entry.initiatorType}) was fetched at ${at(entry.startTime)}, before ${
            name ? `"${name}" was allowed` : 'the visitor allowed anything'
          }. ${name ? '' : 'Mark its tag with data-consent, or give its service a category.'}`.trim()
        )
      }
    }
  }).observe({ type: 'resource', buffered: true })
}
