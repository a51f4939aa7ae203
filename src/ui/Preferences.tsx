import { Fragment, h } from 'preact'
import { consentNames } from '../core/config.js'
import type { Choices, ResolvedConfig, Texts } from '../core/types.js'
import type { Keksi } from '../keksi.js'
import { builtInCookies } from '../services/built-ins.js'
import { RichText } from './RichText.js'
import { Switch } from './Switch.js'

interface PreferencesProps {
  keksi: Keksi
  config: ResolvedConfig
  texts: Texts
  /** The switches' state, not yet saved. */
  choices: Choices
  onToggle: (name: string, on: boolean) => void
  /** Closes the dialog without saving. */
  onClose: () => void
}

/**
 * The switches after one toggle: a category's switch sets all its services; a service switched on needs its
 * category on.
 */
export function toggle(config: ResolvedConfig, choices: Choices, name: string, on: boolean): Choices {
  const next = { ...choices, [name]: on }
  for (const service of config.categories.find(category => category.name === name)?.services ?? [])
    next[service] = on
  const parent = config.services[name]?.category
  if (parent && on) next[parent] = true
  return next
}

/**
 * The preferences dialog (SPEC §4): each category with its switch (`necessary` on and locked), each service with
 * its provider, purpose and cookies, collapsed. It opens showing the current decision; nothing is pre-ticked.
 * A modal `<dialog>`: focus moves in and stays in, Escape closes it without saving.
 */
export function Preferences({ keksi, config, texts, choices, onToggle, onClose }: PreferencesProps) {
  // Keep Tab inside the dialog (WAI-ARIA APG modal dialog): wrap from the last control to the first and back.
  const trap = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return
    const dialog = event.currentTarget as HTMLDialogElement
    const controls = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]),a[href],summary')]
    const first = controls[0]
    const last = controls[controls.length - 1]
    const active = (dialog.getRootNode() as ShadowRoot).activeElement
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault()
      ;(event.shiftKey ? last : first)?.focus()
    }
  }

  return (
    <dialog
      // Modal: the page behind is inert and focus moves in. Unmounting removes it, which closes it.
      ref={dialog => {
        if (dialog && !dialog.open) dialog.showModal()
      }}
      class="keksi-preferences"
      aria-labelledby="keksi-preferences-title"
      part="preferences"
      onCancel={event => {
        event.preventDefault()
        onClose()
      }}
      onKeyDown={trap}
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
      {config.categories.map(({ name, services }) => {
        const locked = name === 'necessary'
        const text = texts.categories[name] ?? {}
        return (
          <section class="keksi-category" key={name}>
            <div class="keksi-row">
              <h3 id={`keksi-category-${name}`} class="keksi-name">
                {text.title ?? name}
              </h3>
              {locked && <span class="keksi-note">{texts.alwaysOn}</span>}
              <Switch
                on={locked || !!choices[name]}
                labelledBy={`keksi-category-${name}`}
                locked={locked}
                onToggle={on => onToggle(name, on)}
              />
            </div>
            {text.description && (
              <p class="keksi-text">
                <RichText text={text.description} />
              </p>
            )}
            {services.map(key => {
              const service = {
                cookies: builtInCookies[key],
                ...config.services[key],
                ...texts.services[key]
              }
              return (
                <div class="keksi-row keksi-service" key={key}>
                  <details>
                    <summary id={`keksi-service-${key}`}>{service.name ?? key}</summary>
                    <dl>
                      {service.provider && (
                        <>
                          <dt>{texts.provider}</dt>
                          <dd>{service.provider}</dd>
                        </>
                      )}
                      {service.purpose && (
                        <>
                          <dt>{texts.purpose}</dt>
                          <dd>{service.purpose}</dd>
                        </>
                      )}
                      {!!service.cookies?.length && (
                        <>
                          <dt>{texts.cookies}</dt>
                          <dd>{service.cookies.join(', ')}</dd>
                        </>
                      )}
                    </dl>
                  </details>
                  <Switch
                    on={!!choices[key]}
                    labelledBy={`keksi-service-${key}`}
                    onToggle={on => onToggle(key, on)}
                  />
                </div>
              )
            })}
          </section>
        )
      })}
      <div class="keksi-actions">
        <button
          type="button"
          class="keksi-button"
          onClick={() =>
            keksi.set(Object.fromEntries(consentNames(config).map(name => [name, !!choices[name]])))
          }
        >
          {texts.save}
        </button>
        <button type="button" class="keksi-button" onClick={keksi.acceptAll}>
          {texts.acceptAll}
        </button>
        <button type="button" class="keksi-button" onClick={keksi.rejectAll}>
          {texts.rejectAll}
        </button>
      </div>
    </dialog>
  )
}
