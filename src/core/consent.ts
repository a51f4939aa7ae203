import { atom, type ReadableAtom } from 'nanostores'
import { createConsent as build, decode, encode } from './codec.js'
import { consentNames } from './config.js'
import type { Choices, Consent, ConsentStorage, Method, ResolvedConfig } from './types.js'

/** The consent model of one page: the decision store and the actions that change it. */
export interface ConsentModel {
  /** The decision, `null` until the visitor decides. */
  $consent: ReadableAtom<Consent | null>
  accepted(name: string): boolean
  acceptAll(): void
  rejectAll(): void
  /** Changes the named categories and services; the rest keep their state (SPEC §7). */
  set(choices: Choices, method?: Method): void
  /** Forgets the decision: the cookie is removed. */
  reset(): void
}

/** 96 random bits as 16 base64url characters. */
const randomId = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(12))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')

/**
 * Creates the consent model for one page. The stored decision is read once; a valid one is written back with its
 * original decision time, so browsers that cap script-set cookies (Safari: 7 days) keep it until it really
 * expires (SPEC §8). Nothing is written before the visitor decides.
 *
 * @example
 * const model = createConsentModel(config, memoryStorage())
 * model.set({ analytics: true })
 * model.accepted('ga4') // true
 */
export function createConsentModel(
  config: ResolvedConfig,
  storage: ConsentStorage,
  now: () => number = Date.now
): ConsentModel {
  const $consent = atom<Consent | null>(decode(storage.read(), config, now()))
  const names = consentNames(config)
  const categoryOf = (name: string): string | undefined =>
    config.categories.find(category => category.services.includes(name))?.name

  const store = (consent: Consent): void => {
    storage.write(encode(consent, config), new Date(consent.expiresAt))
  }
  const current = $consent.get()
  if (current) store(current)

  const accepted = (name: string): boolean => grants($consent.get(), name)

  const decide = (method: Method, grant: (name: string) => boolean): void => {
    // Seconds: the cookie stores seconds, so the decision reads back the same after a reload.
    const consent = build(config, randomId(), Math.floor(now() / 1000) * 1000, method, grant)
    store(consent)
    $consent.set(consent)
  }

  return {
    $consent,
    accepted,
    acceptAll: () => decide('accept-all', () => true),
    rejectAll: () => decide('reject-all', () => false),
    set(choices, method = 'custom') {
      const next = new Map(names.map(name => [name, accepted(name)]))
      // Categories first: switching one on grants its services unless they are named too; off revokes them.
      for (const category of config.categories) {
        const on = choices[category.name]
        if (on === undefined || category.name === 'necessary') continue
        if (on !== next.get(category.name)) {
          for (const service of category.services) next.set(service, on)
        }
        next.set(category.name, on)
      }
      for (const name of names) {
        const on = choices[name]
        const category = categoryOf(name)
        if (on === undefined || !category) continue
        next.set(name, on)
        // Allowing a service allows its category: a service runs only inside a granted one.
        if (on) next.set(category, true)
      }
      decide(method, name => !!next.get(name))
    },
    reset() {
      storage.clear()
      $consent.set(null)
    }
  }
}

/** Whether a decision grants a name; with none yet, `necessary` alone (it needs no consent). */
export const grants = (consent: Consent | null | undefined, name: string): boolean =>
  // `=== true`: a name such as "constructor" must not find something on Object.prototype.
  name === 'necessary' || consent?.categories[name] === true || consent?.services[name] === true
