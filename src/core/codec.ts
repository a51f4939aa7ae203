import { consentNames } from './config.js'
import type { Consent, Method, ResolvedConfig } from './types.js'

/**
 * The consent cookie's value (SPEC §8): `1.<revision>.<time>.<method>.<grants>.<names>.<id>`, e.g.
 * `1.2.tn4z5k.c.1d.k3x.q8Xn0pWc2LrT5vYb` (35 bytes with every default service).
 *
 * - `1`: format version.
 * - revision and decision time (epoch seconds) in base 36.
 * - method: `a`ccept-all, `r`eject-all, `c`ustom, `g`pc.
 * - grants: one bit per name of `consentNames(config)`, base 36.
 * - names: a 3-character hash of those names, so a value written under other categories or services
 *   (another site's, or before the owner changed the config) is never read as a grant.
 * - id: 16 base64url characters (96 random bits).
 *
 * Plain `[0-9A-Za-z._-]`: nothing to URL-encode, nothing HTML-like.
 */
const FORMAT = /^1\.([\da-z]+)\.([\da-z]+)\.([arcg])\.([\da-z]+)\.([\da-z]{3})\.([\w-]{16})$/
const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'gpc']
const DAY = 86_400_000
/** Clocks drift; a decision from further in the future than this was not made on this device. */
const SKEW = DAY

/** FNV-1a of the names, as 3 base-36 characters. */
const namesHash = (names: string[]): string => {
  let hash = 0x811c9dc5
  for (const char of names.join()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return ((hash >>> 0) % 46_656).toString(36).padStart(3, '0')
}

/** Turns a decision into the cookie's value. */
export function encode(consent: Consent, config: ResolvedConfig): string {
  const names = consentNames(config)
  let bits = 0
  names.forEach((name, i) => {
    if (consent.categories[name] || consent.services[name]) bits += 2 ** i
  })
  return [
    1,
    consent.revision.toString(36),
    Math.floor(Date.parse(consent.decidedAt) / 1000).toString(36),
    consent.method[0],
    bits.toString(36),
    namesHash(names),
    consent.id
  ].join('.')
}

/**
 * Reads the cookie's value back. Anything malformed, tampered, foreign, from another revision or expired is
 * "no decision" (`null`), never a throw (SPEC §8). A service is granted only inside a granted category.
 */
export function decode(value: string | undefined, config: ResolvedConfig, now: number): Consent | null {
  // `undefined` reads as the text "undefined", which does not match.
  const match = FORMAT.exec(value as string)
  if (!match) return null
  const [, revision, time, method, grants, hash, id] = match as unknown as string[]
  const names = consentNames(config)
  const bits = parseInt(grants as string, 36)
  const decided = parseInt(time as string, 36) * 1000
  if (
    parseInt(revision as string, 36) !== config.revision ||
    hash !== namesHash(names) ||
    bits >= 2 ** names.length ||
    decided > now + SKEW ||
    decided + config.expiresDays * DAY <= now
  ) {
    return null
  }
  return createConsent(
    config,
    id as string,
    decided,
    METHODS.find(name => name[0] === method) as Method,
    // `necessary` is not among the names: its index -1 reads an even number, and the decision forces it on.
    name => Math.floor(bits / 2 ** names.indexOf(name)) % 2 > 0
  )
}

/**
 * Builds a consistent decision: `necessary` always on, every other name from `grant`, and a service only inside
 * a granted category.
 */
export function createConsent(
  config: ResolvedConfig,
  id: string,
  decided: number,
  method: Method,
  grant: (name: string) => boolean
): Consent {
  const categories: Record<string, boolean> = {}
  const services: Record<string, boolean> = {}
  for (const category of config.categories) {
    const on = category.name === 'necessary' || grant(category.name)
    categories[category.name] = on
    for (const service of category.services) services[service] = on && grant(service)
  }
  return {
    id,
    revision: config.revision,
    decidedAt: new Date(decided).toISOString(),
    expiresAt: new Date(decided + config.expiresDays * DAY).toISOString(),
    method,
    categories,
    services
  }
}
