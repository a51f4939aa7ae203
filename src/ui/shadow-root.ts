import { direction } from './texts.js'

/**
 * An open shadow root on `host` holding the stylesheet `css` and a root element, which it returns: styles isolated
 * both ways, reachable by testing tools (README "Layouts"). The host stays hidden until the stylesheet has loaded
 * and `language` has come, so the visitor never sees Keksi unstyled or in the wrong language; then the root says
 * which language, and its direction, and `shown` runs. The banner's roots and each placeholder of an embed are made so.
 */
export function shadowRoot(
  doc: Document,
  host: HTMLElement,
  css: string | undefined,
  language: Promise<string>,
  shown?: () => void
): HTMLElement {
  const shadow = host.attachShadow({ mode: 'open' })
  const root = doc.createElement('div')
  host.hidden = true
  root.className = 'keksi'
  const link = doc.createElement('link')
  const styled = new Promise(resolve => (link.onload = link.onerror = resolve))
  if (css) shadow.append(Object.assign(link, { rel: 'stylesheet', href: css }))
  shadow.append(root)
  // Both callers put the host in the page at once (the banner's waits for <body> when there is none yet), so by the
  // time the language has come, a stylesheet the browser already holds (keksi.js preloads the theme) has applied,
  // a frame before its load event: only one still loading, or not yet in the page, is waited for.
  void language
    .then(lang => (!css || link.sheet ? lang : styled.then(() => lang)))
    .then(lang => {
      host.hidden = false
      root.lang = lang
      root.dir = direction(lang)
      shown?.()
    })
  return root
}
