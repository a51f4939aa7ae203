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
  const styled = new Promise(resolve => {
    if (!css) return resolve(0)
    const link = doc.createElement('link')
    link.rel = 'stylesheet'
    link.href = css
    link.onload = link.onerror = resolve
    shadow.append(link)
  })
  shadow.append(root)
  void Promise.all([styled, language]).then(([, lang]) => {
    host.hidden = false
    root.lang = lang
    root.dir = direction(lang)
    shown?.()
  })
  return root
}
