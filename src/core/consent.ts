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
  /** Takes on a decision stored elsewhere (by another tab) as it is, without writing it again. @internal */
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
      // From the grants as they are: each category switched to the opposite of what it was, then each service
      // named, as the preferences' switches do. Only booleans count: `keksi.set()` reports anything else.
      const consent = $consent.get()
      let next: Choices = { ...consent?.categories, ...consent?.services }
      for (const { name, services } of config.categories) {
        if (choices[name] === !next[name]) next = toggle(config, next, name, !next[name])
        for (const service of services)
          if (typeof choices[service] === 'boolean') next = toggle(config, next, service, choices[service])
      }
      // `necessary` stays on whatever is chosen: the decision forces it.
      decide(method, name => next[name])
    },
    reset() {
      storage.clear()
      $consent.set(null)
    },
    adopt: value => $consent.set(decode(value, config, now()))
  }
}

/**
 * The choices after one switch (README "API", `keksi.set()`): a category sets all its services; a service switched
 * on switches its category on, as a service runs only inside a granted one. The preferences' switches move so.
 */
export function toggle(config: ResolvedConfig, choices: Choices, name: string, on: boolean): Choices {
  const next = { ...choices, [name]: on }
  for (const { name: category, services } of config.categories) {
    if (category === name) for (const service of services) next[service] = on
    if (on && services.includes(name)) next[category] = true
  }
  return next
}

/** Whether a decision grants a name; with none yet, `necessary` alone (it needs no consent). */
export const grants = (consent: Consent | null | undefined, name: string): boolean =>
  // `=== true`: a name such as "constructor" must not find something on Object.prototype.
  name === 'necessary' || consent?.categories[name] === true || consent?.services[name] === true
