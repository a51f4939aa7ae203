/**
 * The cookie decoder against hostile input (README "The consent cookie"): 12,000 random and mutated values through
 * the public `readConsent`. It must never throw, and never grant a name whose bit the value does not hold, nor a
 * service whose category is off. The oracle is the format README documents, written out here on its own.
 */
import { expect, test } from 'vitest'
import { allFour } from '../../test/fixtures.js'
import { readConsent } from './read-consent.js'

const NOW = Date.UTC(2026, 10, 25, 12)
const DAY = 86_400
const options = { policyUrl: '/privacy', services: allFour() }
/** README "The consent cookie": one bit per optional category, then per service, in config order. */
const NAMES = ['analytics', 'embeds', 'ga4', 'hubspot', 'hotjar', 'youtube']
const CATEGORY: Record<string, string> = {
  ga4: 'analytics',
  hubspot: 'analytics',
  hotjar: 'analytics',
  youtube: 'embeds'
}

/** A small seeded generator (mulberry32): the same values on every run, so a failure can be replayed. */
const random = (() => {
  let seed = 0x6b656b73
  return (): number => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
})()
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
const ALPHABET = [...'0123456789abcdefghijklmnopqrstuvwxyzABCXYZ._-+/=%; ,"\\\u0000é😀']
const randomText = (length: number): string => Array.from({ length }, () => pick(ALPHABET)).join('')

const read = (value: string) => readConsent(`keksi=${value}`, options, NOW)
const cookieOf = (fields: (string | number)[]): string => fields.join('.')
const seconds = (days: number): string => (Math.floor(NOW / 1000) - days * DAY).toString(36)
const ID = 'q8Xn0pWc2LrT5vYb'

/** The names check is a hash Keksi keeps to itself: of its 46,656 values, exactly one must be read. */
const HASHES = Array.from({ length: 46_656 }, (_, i) => i.toString(36).padStart(3, '0')).filter(hash =>
  read(cookieOf([1, 1, seconds(1), 'c', '0', hash, ID]))
)

test('one names hash of 46,656 is read for this config; every other means no decision', () => {
  expect(HASHES).toHaveLength(1)
})

/** A value as README documents it, for this config and now: grants by bit, or `undefined` for no decision. */
const oracle = (value: string): Record<string, boolean> | undefined => {
  // The header's own syntax first: a `;` ends the cookie, and the pair is trimmed.
  const cookie = (value.split(';')[0] as string).trimEnd()
  const fields = /^1\.([\da-z]+)\.([\da-z]+)\.([arcg])\.([\da-z]+)\.([\da-z]{3})\.([\w-]{16})$/.exec(cookie)
  if (!fields) return undefined
  const [, revision, time, , bits, hash] = fields as unknown as string[]
  const decided = parseInt(time as string, 36)
  const grants = parseInt(bits as string, 36)
  if (parseInt(revision as string, 36) !== 1 || hash !== HASHES[0]) return undefined
  if (decided * 1000 > NOW + 86_400_000 || decided + 182 * DAY <= NOW / 1000) return undefined
  if (grants >= 2 ** NAMES.length) return undefined
  return Object.fromEntries(NAMES.map((name, i) => [name, Math.floor(grants / 2 ** i) % 2 === 1]))
}

/** One change a tamperer, a broken proxy or a truncating browser might make to a valid value. */
const mutate = (value: string): string => {
  const at = Math.floor(random() * (value.length + 1))
  const fields = value.split('.')
  switch (Math.floor(random() * 9)) {
    case 0:
      return value.slice(0, at) + pick(ALPHABET) + value.slice(at + 1)
    case 1:
      return value.slice(0, at) + value.slice(at + 1)
    case 2:
      return value.slice(0, at) + randomText(1 + Math.floor(random() * 3)) + value.slice(at)
    case 3:
      return value.slice(0, at)
    case 4:
      // Grants of any size, within what the names hold or far past it.
      fields[4] = Math.floor(random() * 2 ** (random() < 0.5 ? 6 : 53)).toString(36)
      return fields.join('.')
    case 5:
      // A decision time anywhere from two years ago to a week ahead.
      fields[2] = seconds(Math.floor(random() * 737) - 7)
      return fields.join('.')
    case 6:
      fields[1] = Math.floor(random() * 40).toString(36)
      return fields.join('.')
    case 7:
      fields[3] = pick(['a', 'r', 'c', 'g', 'x', 'A', ''])
      return fields.join('.')
    default: {
      const i = Math.floor(random() * fields.length)
      const j = Math.floor(random() * fields.length)
      ;[fields[i], fields[j]] = [fields[j] as string, fields[i] as string]
      return fields.join('.')
    }
  }
}

test('12,000 random and mutated values: never a throw, never a grant the value does not hold', () => {
  const values: string[] = []
  for (let i = 0; i < 2000; i++) values.push(randomText(Math.floor(random() * 80)))
  for (let i = 0; i < 10_000; i++) {
    const base = cookieOf([
      1,
      1,
      seconds(Math.floor(random() * 180)),
      pick(['a', 'r', 'c', 'g']),
      Math.floor(random() * 64).toString(36),
      HASHES[0] as string,
      ID
    ])
    let value = base
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) value = mutate(value)
    values.push(value)
  }
  let decisions = 0
  // Collected, then asserted once: an `expect` per value would be most of the run time.
  const wrong: string[] = []
  for (const value of values) {
    let consent: ReturnType<typeof read>
    try {
      consent = read(value)
    } catch (error) {
      wrong.push(`${value}: threw ${error}`)
      continue
    }
    // A value the format says is a decision may still be refused, never the other way round.
    if (!consent) continue
    decisions++
    const expected = oracle(value)
    if (!expected) wrong.push(`${value}: read as a decision`)
    for (const name of NAMES) {
      const granted = (consent.categories[name] ?? consent.services[name]) === true
      const category = CATEGORY[name]
      const held = expected?.[name] === true && (!category || expected[category] === true)
      if (granted && !held) wrong.push(`${value}: grants ${name}`)
    }
  }
  expect(wrong).toEqual([])
  // The mutations keep enough values whole that the check above has decisions to look at.
  expect(decisions).toBeGreaterThan(1000)
})

test('a value the format documents as a decision is read as exactly the grants it holds', () => {
  for (let bits = 0; bits < 64; bits++) {
    const value = cookieOf([1, 1, seconds(3), 'c', bits.toString(36), HASHES[0] as string, ID])
    const expected = oracle(value) as Record<string, boolean>
    const consent = read(value)
    expect(consent?.categories).toEqual({
      necessary: true,
      analytics: expected.analytics,
      embeds: expected.embeds
    })
    for (const name of NAMES.slice(2)) {
      expect(consent?.services[name], `${value}: ${name}`).toBe(
        expected[name] && expected[CATEGORY[name] as string]
      )
    }
  }
})
