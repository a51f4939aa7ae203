import { Fragment, h, render } from 'preact'
import { toggle } from '../core/consent.js'
import type { Choices, Texts } from '../core/types.js'
import { en } from '../i18n/en.js'
import type { UiContext, View } from '../keksi.js'
import { Actions } from './Actions.js'
import { Banner } from './Banner.js'
import { keepFocusClear } from './focus-clear.js'
import { loadPreferences } from './load-preferences.js'
import type { ViewProps } from './Preferences.js'
import { shadowRoot } from './shadow-root.js'
import { pickLanguage, textsFor, translation } from './texts.js'
import { themeUrl } from './theme-url.js'

/** Mounts the UI at the start of `<body>`, first in the tab order; returns what shows a view. */
export function mount(context: UiContext): (view?: View) => void {
  const { doc, config, keksi } = context
  const css = themeUrl(config)
  let lang = pickLanguage(config, doc, navigator.languages)
  let texts: Texts | undefined
  /** Keksi's translation of the visitor's language; `{}` for English. */
  let base: Partial<Texts> = {}
  // The texts, once the visitor's language has loaded; then the UI shows what it must.
  const language = translation(lang).then(loaded => {
    // Offline or blocked: English, and the markup says so too.
    lang = loaded.lang
    base = loaded.words
    texts = textsFor(config, lang, context.report, base)
    context.shown(lang, texts)
    draw()
    return lang
  })

  const host = doc.createElement('keksi-root')
  const root = shadowRoot(doc, host, css, language)
  // At the end of <body>: the floating button, last in the tab order, and room to scroll the page's last elements
  // clear of the banner (below).
  const end = doc.createElement('keksi-root')
  const corner = config.floatingButton && shadowRoot(doc, end, css, language)
  const attach = (): void => {
    doc.body.prepend(host)
    doc.body.append(end)
  }
  if (doc.body) attach()
  else doc.addEventListener('DOMContentLoaded', attach, { once: true })

  // The UI's state: what is shown, the unsaved switches, and where focus was before the preferences opened.
  let current: View = null
  let choices: Choices = {}
  let opener: HTMLElement | null = null
  /** The preferences dialog, fetched the first time it opens (`keksi-preferences.js`). */
  let preferences: Promise<unknown> | undefined
  let dialog: typeof import('./Preferences.js') | undefined
  const draw = (): void => {
    if (!texts) return
    const props: ViewProps = {
      keksi,
      config,
      texts,
      lang,
      choices,
      onToggle(name, on) {
        choices = toggle(config, choices, name, on)
        draw()
      },
      onClose: () => show(keksi.get() ? null : 'banner')
    }
    render(
      <>
        {/* The banner stays under the preferences until the visitor decides: closing them is not deciding. */}
        {(current === 'banner' || (current && !keksi.get())) && <Banner {...props} />}
        {current === 'preferences' && dialog && <dialog.Preferences {...props} />}
      </>,
      root
    )
    // The floating button, once the visitor has decided; it stays under the preferences, so focus returns to it.
    if (corner)
      render(
        keksi.get() && current !== 'banner' && <Actions buttons={[[texts.preferencesTitle, keksi.open]]} />,
        corner
      )
    // The room at the end of the page goes with the banner.
    if (!root.querySelector('.keksi-banner')) end.style.cssText = ''
  }
  /** What was asked for last: the preferences open once their script has come, unless something else was asked since. */
  let wanted: View = null
  const show = (view?: View): void => {
    // Nothing asked, or nothing new to show: the floating button may need drawing.
    if (view === undefined || view === current) {
      draw()
      return
    }
    wanted = view
    if (view === 'preferences' && !dialog) {
      preferences ??= loadPreferences().then(
        module => {
          dialog = module
          // The same texts with the dialog's English under them; their mistakes were reported the first time.
          texts &&= textsFor(config, lang, () => {}, base, [en, module.enPreferences])
          if (texts) context.shown(lang, texts)
        },
        () => {
          // Offline or blocked: what was shown stays, and a later "Cookie settings" tries again.
          preferences = undefined
          context.report('load', 'keksi-preferences.js')
        }
      )
      void preferences.then(() => dialog && wanted === view && show(view))
      return
    }
    const before = current
    current = view
    if (view === 'preferences') {
      const consent = keksi.get()
      choices = { ...consent?.categories, ...consent?.services }
      const active = doc.activeElement
      opener = (active?.shadowRoot?.activeElement ?? active) as HTMLElement | null
    }
    draw()
    // Focus returns where it came from when the preferences close (WCAG 2.4.3).
    if (before === 'preferences') opener?.focus()
    if (view) context.emit('open', { view })
    else if (before) context.emit('close', { view: before })
  }
  // A decision, from the UI or from the API, closes everything.
  keksi.store.listen(consent => consent && show(null))
  keepFocusClear(doc, root, host, end)

  return show
}
