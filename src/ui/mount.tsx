import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { ResolvedConfig, Texts } from '../core/types.js'
import { en } from '../i18n/en.js'
import type { UiContext } from '../keksi.js'
import { Banner } from './Banner.js'
import { Preferences } from './Preferences.js'

/**
 * The visitor's language (SPEC §4): the configured one, or with `auto` `<html lang>`, then the browser's; each
 * matched exactly, then by its primary subtag, against the languages Keksi has texts for. English otherwise.
 */
export function pickLanguage(config: ResolvedConfig, doc: Document, browser: readonly string[]): string {
  const available = ['en', ...Object.keys(config.texts)]
  const wanted = config.lang === 'auto' ? [doc.documentElement.lang, ...browser] : [config.lang]
  for (const tag of wanted) {
    const lower = tag?.toLowerCase() ?? ''
    const found =
      available.find(lang => lang === lower) ?? available.find(lang => lang === lower.split('-')[0])
    if (found) return found
  }
  return 'en'
}

/** The built-in texts, then the config's category texts, then the config's texts for the language. */
export function textsFor(config: ResolvedConfig, lang: string): Texts {
  const own = config.texts[lang] ?? {}
  const categories: Texts['categories'] = {}
  for (const { name } of config.categories) {
    categories[name] = { ...en.categories[name], ...config.categoryTexts[name], ...own.categories?.[name] }
  }
  return { ...en, ...own, categories }
}

function App({ context, texts }: { context: UiContext; texts: Texts }) {
  const { keksi, config, $view, setView } = context
  const [view, setViewState] = useState($view.get())
  const [consent, setConsent] = useState(keksi.get())
  useEffect(() => $view.subscribe(setViewState), [])
  useEffect(() => keksi.store.subscribe(setConsent), [])

  // Focus returns where it came from when the preferences close (WCAG 2.4.3).
  const [opener, setOpener] = useState<HTMLElement | null>(null)
  useEffect(() => {
    if (view !== 'preferences') {
      opener?.focus()
      return
    }
    const active = context.doc.activeElement
    setOpener((active?.shadowRoot?.activeElement ?? active) as HTMLElement | null)
  }, [view])

  return (
    <div class="keksi">
      {(view === 'banner' || (view === 'preferences' && !consent)) && (
        <Banner keksi={keksi} texts={texts} policyUrl={config.policyUrl} />
      )}
      {view === 'preferences' && (
        <Preferences
          keksi={keksi}
          config={config}
          texts={texts}
          onClose={() => setView(keksi.get() ? null : 'banner')}
        />
      )}
    </div>
  )
}

/**
 * Mounts the UI into an open shadow root at the start of `<body>`: first in the tab order, styles isolated both
 * ways, reachable by testing tools (SPEC §4). The theme stylesheet loads inside the shadow root; the UI stays
 * hidden until it has, so the visitor never sees it unstyled.
 */
export function mount(context: UiContext): void {
  const { doc, config } = context
  const host = doc.createElement('keksi-root')
  const shadow = host.attachShadow({ mode: 'open' })
  const lang = pickLanguage(config, doc, navigator.languages)
  if (context.css) {
    host.hidden = true
    const link = doc.createElement('link')
    link.rel = 'stylesheet'
    link.href = context.css
    link.onload = link.onerror = () => {
      host.hidden = false
    }
    shadow.append(link)
  }
  const root = doc.createElement('div')
  root.lang = lang
  shadow.append(root)
  render(<App context={context} texts={textsFor(config, lang)} />, root)
  const attach = (): void => doc.body.prepend(host)
  if (doc.body) attach()
  else doc.addEventListener('DOMContentLoaded', attach, { once: true })
}
