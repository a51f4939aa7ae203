import { consentNames } from './config.js'
import type { Consent, Method, ResolvedConfig } from './types.js'

/**
 * The consent cookie's value (README "The consent cookie"): `1.<revision>.<time>.<method>.<grants>.<names>.<id>`,
 * e.g. `1.2.tn4z5k.c.1d.k3x.q8Xn0pWc2LrT5vYb` (35 bytes with every default service).
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
/** Each method by its letter in the value: its first. */
const METHODS: Record<string, Method> = { a: 'accept-all', r: 'reject-all', c: 'custom', g: 'gpc' }
const DAY = 86_400_000

/** FNV-1a of the names, as 3 base-36 characters. */
const namesHash = (names: string[]): string => {
  let hash = 0x811c9dc5
  for (const char of names.join()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  // 36³ added, then its leading `1` cut: the remainder padded to 3 digits.
  return (((hash >>> 0) % 46_656) + 46_656).toString(36).slice(1)
}

/** 96 random bits as 16 base64url characters. */
const randomId = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(12)))).replace(/[+/]/g, char =>
    char === '+' ? '-' : '_'
  )

/**
 * Writes a decision as the cookie's value: its time in whole seconds, and a bit for each name that `grant` grants.
 * `decode` makes it a `Consent`, so both the page and a server read a value one way.
 */
export function encode(
  config: ResolvedConfig,
  time: number,
  method: Method,
  grant: (name: string) => boolean | undefined,
  id = randomId()
): string {
  const names = consentNames(config)
  return [
    1,
    config.revision.toString(36),
    Math.floor(time / 1000).toString(36),
    method[0],
    names.reduce((bits, name, i) => (grant(name) ? bits + 2 ** i : bits), 0).toString(36),
    namesHash(names),
    id
  ].join('.')
}

/**
 * Reads the cookie's value back. Anything malformed, tampered, foreign, from another revision or expired is
 * "no decision" (`null`), never a throw (README "The consent cookie"). `necessary` is always on, and a service is
 * granted only inside a granted category.
 */
export function decode(value: string | undefined, config: ResolvedConfig, now: number): Consent | null {
  const fields = value === undefined ? null : FORMAT.exec(value)
  if (!fields) return null
  // Every group matched: the defaults only tell TypeScript so.
  const [, revision = '', time = '', letter = '', grants = '', hash = '', id = ''] = fields
  const names = consentNames(config)
  const bits = parseInt(grants, 36)
  const decided = parseInt(time, 36) * 1000
  const expires = decided + config.expiresDays * DAY
  if (
    parseInt(revision, 36) !== config.revision ||
    hash !== namesHash(names) ||
    bits >= 2 ** names.length ||
    // Clocks drift, by a day at most: a decision from further in the future was not made on this device.
    decided > now + DAY ||
    expires <= now
  ) {
    return null
  }
  const categories: Record<string, boolean> = {}
  const services: Record<string, boolean> = {}
  /** Whether the name's bit is set (bit i for the name at index i of `names`). */
  const on = (name: string): boolean => {
    const index = names.indexOf(name)
    return index >= 0 && Math.floor(bits / 2 ** index) % 2 === 1
  }
  for (const { name, services: list } of config.categories) {
    categories[name] = name === 'necessary' || on(name)
    for (const service of list) services[service] = categories[name] && on(service)
  }
  return {
    id,
    revision: config.revision,
    decidedAt: new Date(decided).toISOString(),
    expiresAt: new Date(expires).toISOString(),
    method: METHODS[letter] as Method,
    categories,
    services
  }
}
