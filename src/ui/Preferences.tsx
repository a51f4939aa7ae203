import { Fragment, h } from 'preact'
import type { Choices, ResolvedConfig, Service, Texts } from '../core/types.js'
import type { Keksi } from '../keksi.js'
import { Actions } from './Actions.js'
import { Modal } from './Modal.js'
import { RichText } from './RichText.js'

/** What the banner and the preferences are drawn from: the same for both. */
export interface ViewProps {
  keksi: Keksi
  config: ResolvedConfig
  texts: Texts
  /** The language of `texts`. */
  lang: string
  /** The switches' state, not yet saved. */
  choices: Choices
  onToggle: (name: string, on: boolean) => void
  /** Closes the dialog without saving. */
  onClose: () => void
}

const UNITS: Record<string, string> = { y: 'year', mo: 'month', d: 'day', h: 'hour', min: 'minute' }

/**
 * A cookie as visitors read it: `_ga 2y` is "_ga (2 years)" in English, "_ga (2 vuotta)" in Finnish (the browser's
 * own words for the unit); `__hssrc session` is "__hssrc (session)". A name alone, or anything else, stays as written.
 *
 * @example
 * cookieLabel('_pk_ses* 30min', 'en', 'session') // '_pk_ses* (30 minutes)'
 */
export function cookieLabel(cookie: string, lang: string, session: string): string {
  const [, name, count, unit = ''] = /^(\S+) (?:session|(\d+)(y|mo|d|h|min))$/.exec(cookie) ?? []
  if (!name) return cookie
  const format = (locale: string): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'long' }).format(
      Number(count)
    )
  let lifetime = session
  if (count) {
    try {
      lifetime = format(lang)
    } catch {
      // An owner's language tag that is not a valid locale.
      lifetime = format('en')
    }
  }
  return `${name} (${lifetime})`
}

/**
 * The preferences dialog (README "Layouts"): each category with its switch (`necessary` on and locked), each
 * service with its provider, purpose and cookies, collapsed. It opens showing the current decision; nothing is
 * pre-ticked. A modal `<dialog>`: focus moves in and stays in, Escape closes it without saving.
 */
export function Preferences({ keksi, config, texts, lang, choices, onToggle, onClose }: ViewProps) {
  /**
   * The switch of a category or a service (`role="switch"`, WAI-ARIA APG), named by its heading or summary; a
   * locked one shows "on" and cannot change.
   */
  const toggleOf = (name: string, kind: string, locked = false) => {
    const on = locked || !!choices[name]
    return (
      <button
        type="button"
        role="switch"
        class="keksi-switch"
        aria-checked={on}
        aria-labelledby={`keksi-${kind}-${name}`}
        disabled={locked}
        onClick={() => onToggle(name, !on)}
      />
    )
  }

  return (
    <Modal
      class="keksi-preferences"
      aria-labelledby="keksi-preferences-title"
      part="preferences"
      onCancel={onClose}
    >
      <div class="keksi-head">
        <h2 id="keksi-preferences-title" class="keksi-title">
          {texts.preferencesTitle}
        </h2>
        <button type="button" class="keksi-close" aria-label={texts.close} onClick={onClose}>
          ×
        </button>
      </div>
      <p class="keksi-text">
        <RichText text={texts.preferencesDescription} />
        {config.policyUrl && (
          <>
            {' '}
            <a href={config.policyUrl}>{texts.policy}</a>
          </>
        )}
      </p>
      {/* The browser's Global Privacy Control signal decided for the visitor: say so (GPC-2). */}
      {keksi.get()?.method === 'gpc' && <p class="keksi-note">{texts.gpc}</p>}
      {config.categories.map(({ name, services }) => {
        const locked = name === 'necessary'
        const { title = name, description } = texts.categories[name] as Texts['categories'][string]
        return (
          <section class="keksi-category" key={name}>
            <div class="keksi-row">
              <h3 id={`keksi-category-${name}`} class="keksi-name">
                {title}
              </h3>
              {locked && <span class="keksi-note">{texts.alwaysOn}</span>}
              {toggleOf(name, 'category', locked)}
            </div>
            {description && (
              <p class="keksi-text">
                <RichText text={description} />
              </p>
            )}
            {services.map(key => {
              const { name = key, provider, purpose } = texts.services[key] as Texts['services'][string]
              // Each term with its value, when there is one.
              const terms = [
                [texts.provider, provider],
                [texts.purpose, purpose],
                [
                  texts.cookies,
                  (config.services[key] as Service).cookies
                    .map(cookie => cookieLabel(cookie, lang, texts.session))
                    .join(', ')
                ]
              ]
              return (
                <div class="keksi-row keksi-service" key={key}>
                  <details>
                    <summary id={`keksi-service-${key}`}>{name}</summary>
                    <dl>
                      {terms.map(
                        ([term, text]) =>
                          text && (
                            <>
                              <dt>{term}</dt>
                              <dd>{text}</dd>
                            </>
                          )
                      )}
                    </dl>
                  </details>
                  {toggleOf(key, 'service')}
                </div>
              )
            })}
          </section>
        )
      })}
      <Actions
        buttons={[
          [
            texts.save,
            // Every name, each on or off as its switch shows (`necessary` too: the decision keeps it on).
            () =>
              keksi.set(
                Object.fromEntries(
                  config.categories.flatMap(({ name, services }) =>
                    [name, ...services].map(key => [key, !!choices[key]])
                  )
                )
              )
          ],
          [texts.acceptAll, keksi.acceptAll],
          [texts.rejectAll, keksi.rejectAll]
        ]}
      />
    </Modal>
  )
}

/** The dialog's English, which keksi-ui.js lays under the visitor's texts when the dialog first opens. */
export { enPreferences } from '../i18n/en.js'
