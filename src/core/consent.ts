import { atom, type ReadableAtom } from 'nanostores'
import { createConsent as build, decode, encode } from './codec.js'
import type { Choices, Consent, ConsentStorage, Method, ResolvedConfig } from './types.js'

/**
 * The consent model of one page: the decision store and the actions that change it. Named as in the API, which
 * `createKeksi` builds on it.
 */
export interface ConsentModel {
  /** The decision, `null` until the visitor decides. */
  store: ReadableAtom<Consent | null>
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
    store: $consent,
    accepted,
    acceptAll: () => decide('accept-all', () => true),
    rejectAll: () => decide('reject-all', () => false),
    set(choices, method = 'custom') {
      // Only booleans count: `keksi.set()` reports anything else, and it changes nothing.
      const next: Record<string, boolean> = {}
      for (const { name, services } of config.categories) {
        const on = choices[name]
        // Switching a category on grants its services unless they are named too; off revokes them.
        const flip = typeof on === 'boolean' && on !== accepted(name)
        let categoryOn = flip ? on : accepted(name)
        for (const service of services) {
          const chosen = choices[service]
          next[service] = typeof chosen === 'boolean' ? chosen : flip ? on : accepted(service)
          // Allowing a service allows its category: a service runs only inside a granted one.
          categoryOn ||= next[service]
        }
        // `necessary` stays on whatever is chosen: the decision forces it.
        next[name] = categoryOn
      }
      decide(method, name => next[name] === true)
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
