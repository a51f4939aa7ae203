import { atom, type ReadableAtom } from 'nanostores'
import { decode, encode } from './codec.js'
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
  /** Changes the named categories and services; the rest keep their state (README "API"). */
  set(choices: Choices, method?: Method): void
  /** Forgets the decision: the cookie is removed. */
  reset(): void
  /** Takes on a decision stored elsewhere (by another tab) as it is, without writing it again. */
  adopt(value: string | undefined): void
}

/**
 * Creates the consent model for one page. The stored decision is read once; a valid one is written back with its
 * original decision time, so browsers that cap script-set cookies (Safari: 7 days) keep it until it really
 * expires (README "The consent cookie"). Nothing is written before the visitor decides.
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
  /** The decision a value holds; a valid one is (re)written, to expire when the decision does. */
  const keep = (value: string | undefined): Consent | null => {
    const consent = decode(value, config, now())
    if (consent) storage.write(value as string, new Date(consent.expiresAt))
    return consent
  }
  const $consent = atom(keep(storage.read()))
  const accepted = (name: string): boolean => grants($consent.get(), name)
  // A new decision is written, then read back as the page and a server will read it.
  const decide = (method: Method, grant: (name: string) => boolean | undefined): void =>
    $consent.set(keep(encode(config, now(), method, grant)))
  return {
    store: $consent,
    accepted,
    acceptAll: () => decide('accept-all', () => true),
    rejectAll: () => decide('reject-all', () => false),
    set(choices, method = 'custom') {
      // Only booleans count: `keksi.set()` reports anything else, and it changes nothing.
      const next: Record<string, boolean> = {}
      for (const { name, services } of config.categories) {
        const was = accepted(name)
        // Switching a category (to the opposite of what it was) switches its services too, unless they are named.
        const flip = choices[name] === !was
        let on = was !== flip
        for (const service of services) {
          const chosen = choices[service]
          // Allowing a service allows its category: a service runs only inside a granted one.
          next[service] = typeof chosen === 'boolean' ? chosen : flip ? !was : accepted(service)
          on ||= next[service]
        }
        // `necessary` stays on whatever is chosen: the decision forces it.
        next[name] = on
      }
      decide(method, name => next[name])
    },
    reset() {
      storage.clear()
      $consent.set(null)
    },
    adopt: value => $consent.set(decode(value, config, now()))
  }
}

/** Whether a decision grants a name; with none yet, `necessary` alone (it needs no consent). */
export const grants = (consent: Consent | null | undefined, name: string): boolean =>
  // `=== true`: a name such as "constructor" must not find something on Object.prototype.
  name === 'necessary' || consent?.categories[name] === true || consent?.services[name] === true
