import type { ResolvedConfig, Texts } from '../core/types.js'
import type { Keksi } from '../keksi.js'
import { privacyEnhanced } from '../services/youtube.js'
import { shadowRoot } from '../ui/shadow-root.js'

/** The words a placeholder says: the first view's, for the embeds alone. */
export type EmbedTexts = Pick<
  Texts,
  'embedNote' | 'loadVideo' | 'load' | 'alwaysAllow' | 'categories' | 'services'
>

const HELD = 'iframe[data-consent][data-src]:not([src])'

/** An element with a class and, optionally, a text. */
const element = (doc: Document, tag: string, className: string, text?: string): HTMLElement => {
  const made = doc.createElement(tag)
  made.className = className
  if (text !== undefined) made.textContent = text
  return made
}

/**
 * What stands in for each embed held back (README "Markup"): its title, who provides it, and two choices, "Load
 * video" (this once) and "Always allow" (its service, or category). Plain DOM in a shadow root of its own, styled
 * by the theme, as large as the frame is drawn, so the page does not move (CLS 0); it makes no request to the
 * third party. Drawn without the Preact UI, so that a return view of a page with a video stays small (README
 * "Sizes"). Returns the function that draws what is held now and removes what is not.
 */
export function placeholders(
  keksi: Keksi,
  config: ResolvedConfig,
  doc: Document,
  words: { lang: string; texts: EmbedTexts },
  css: string | undefined
): () => void {
  const { lang, texts } = words
  const held = new Map<HTMLIFrameElement, HTMLElement>()

  const placeholder = (frame: HTMLIFrameElement, name: string): HTMLElement => {
    const host = doc.createElement('keksi-embed')
    const { offsetWidth: width, offsetHeight: height } = frame
    if (width) host.style.maxWidth = `${width}px`
    if (width && height) host.style.aspectRatio = `${width}/${height}`
    // Hidden until its stylesheet has loaded: never seen unstyled. Then the frame gives it its place.
    const root = shadowRoot(doc, host, css, Promise.resolve(lang), () => {
      if (host.isConnected) frame.style.display = 'none'
    })

    const service = texts.services[name]
    const by = service
      ? [service.name ?? name, service.provider].filter(Boolean).join(' · ')
      : (texts.categories[name]?.title ?? name)
    const group = element(doc, 'div', 'keksi-embed')
    group.setAttribute('role', 'group')
    group.setAttribute('aria-label', frame.title || by)
    group.append(element(doc, 'p', 'keksi-title', frame.title || by))
    if (frame.title) group.append(element(doc, 'p', 'keksi-note', by))
    group.append(element(doc, 'p', 'keksi-text', texts.embedNote))
    const actions = element(doc, 'div', 'keksi-actions')
    const button = (label: string, onClick: () => void): void => {
      const made = element(doc, 'button', 'keksi-button', label) as HTMLButtonElement
      made.type = 'button'
      made.onclick = onClick
      actions.append(made)
    }
    button(/youtube/.test(frame.dataset.src as string) ? texts.loadVideo : texts.load, () => {
      // This once: the frame leaves Keksi's hands for this page view.
      frame.removeAttribute('data-consent')
      frame.src = privacyEnhanced(frame.dataset.src as string)
      draw()
    })
    button(texts.alwaysAllow, () => keksi.set({ [name]: true }))
    group.append(actions)
    root.append(group)
    frame.before(host)
    return host
  }

  const draw = (): void => {
    for (const frame of doc.querySelectorAll<HTMLIFrameElement>(HELD)) {
      const name = frame.dataset.consent as string
      // An unknown name is the owner's mistake, reported by the gate: nothing to offer the visitor there.
      const known =
        name === 'necessary' ||
        config.categories.some(category => category.name === name || category.services.includes(name))
      if (!held.has(frame) && known && !keksi.accepted(name)) held.set(frame, placeholder(frame, name))
    }
    // A placeholder goes when its frame loads (this once, or because its service was allowed) or leaves the page.
    for (const [frame, host] of held) {
      if (frame.src || !frame.isConnected || keksi.accepted(frame.dataset.consent as string)) {
        host.remove()
        frame.style.display = ''
        held.delete(frame)
      }
    }
  }
  keksi.store.listen(draw)
  return draw
}
