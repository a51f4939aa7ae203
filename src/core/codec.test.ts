import { describe, expect, test } from 'vitest'
import { allFour } from '../../test/fixtures.js'
import { builtIns } from '../services/built-ins.js'
import { decode, encode } from './codec.js'
import { resolveConfig } from './config.js'
import type { Consent, KeksiConfig, Method, ResolvedConfig } from './types.js'

const DAY = 86_400_000
/** A whole second, as the cookie stores them. */
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
const ID = 'q8Xn0pWc2LrT5vYb'

/** A valid config; a fixture that the validation complains about is a broken test. */
const configWith = (options: KeksiConfig = {}): ResolvedConfig =>
  resolveConfig({ policyUrl: '/privacy', services: allFour(), ...options }, builtIns, (...problem) => {
    throw new Error(`fixture reported ${JSON.stringify(problem)}`)
  })

/** The value written for a decision. */
const encoded = (
  config: ResolvedConfig,
  grant: (name: string) => boolean,
  method: Method = 'custom',
  decided = NOW
): string => encode(config, decided, method, grant, ID)

/** A decision made now, as it reads back. */
const decision = (config: ResolvedConfig, grant: (name: string) => boolean): Consent =>
  decode(encoded(config, grant), config, NOW) as Consent

/** The value with its `index`th dot-separated field replaced. */
const withField = (value: string, index: number, field: string): string =>
  value
    .split('.')
    .map((part, i) => (i === index ? field : part))
    .join('.')

const granted = (consent: Consent | null): string[] =>
  consent
    ? [...Object.entries(consent.categories), ...Object.entries(consent.services)]
        .filter(([, on]) => on)
        .map(([name]) => name)
    : []

describe('the cookie value', () => {
  const config = configWith()

  test('reads back exactly the decision that was written', () => {
    const value = encoded(config, name => ['analytics', 'ga4', 'hotjar'].includes(name))
    expect(decode(value, config, NOW)).toEqual({
      id: ID,
      revision: 1,
      decidedAt: new Date(NOW).toISOString(),
      expiresAt: new Date(NOW + 182 * DAY).toISOString(),
      method: 'custom',
      categories: { necessary: true, analytics: true, embeds: false },
      services: { ga4: true, hubspot: false, hotjar: true, youtube: false }
    })
  })

  test('a decision written under a pinned layout reads the same: the format is a public contract', () => {
    // analytics (bit 0), ga4 (bit 2) and hotjar (bit 4): 21, "l" in base 36.
    const value = `1.1.${(NOW / 1000).toString(36)}.c.l.${encoded(config, () => true).split('.')[5]}.${ID}`
    expect(encoded(config, name => ['analytics', 'ga4', 'hotjar'].includes(name))).toBe(value)
    expect(decode(value, config, NOW)?.services).toEqual({
      ga4: true,
      hubspot: false,
      hotjar: true,
      youtube: false
    })
  })

  test.each<Method>(['accept-all', 'reject-all', 'custom', 'gpc'])('keeps the method %s', method => {
    expect(
      decode(
        encoded(config, () => method === 'accept-all', method),
        config,
        NOW
      )?.method
    ).toBe(method)
  })

  test('keeps the decision id and time to the second', () => {
    const read = decode(
      encoded(config, () => true, 'accept-all', NOW - 3 * DAY),
      config,
      NOW
    )
    expect(read?.id).toBe(ID)
    expect(read?.decidedAt).toBe(new Date(NOW - 3 * DAY).toISOString())
  })

  test('fits in 64 bytes with the default categories and all four built-in services granted', () => {
    const value = encoded(config, () => true, 'accept-all')
    expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(64)
    // The largest revision and a decision far in the future still fit.
    const big = configWith({ revision: 1e9 })
    const late = encoded(big, () => true, 'accept-all', Date.UTC(2199, 0, 1))
    expect(new TextEncoder().encode(late).length).toBeLessThanOrEqual(64)
  })

  test('is plain text that needs no escaping in a cookie or HTML', () => {
    const value = encoded(config, () => true, 'accept-all')
    expect(value).toMatch(/^[0-9A-Za-z._-]+$/)
    expect(value).not.toMatch(/[{}"]/)
  })

  test('grants no service of a category the visitor refused', () => {
    const consent = decision(config, name => name === 'ga4' || name === 'youtube' || name === 'embeds')
    expect(consent.categories.analytics).toBe(false)
    expect(consent.services.ga4).toBe(false)
    expect(consent.services.youtube).toBe(true)
  })

  test('always grants the necessary category', () => {
    expect(decision(config, () => false).categories.necessary).toBe(true)
  })
})

describe('a value that is not a decision of this site', () => {
  const config = configWith()
  const valid = encoded(config, () => true, 'accept-all')

  test('the valid fixture itself is read', () => {
    expect(decode(valid, config, NOW)).not.toBeNull()
  })

  test.each([
    ['nothing', undefined],
    ['an empty value', ''],
    ['a lone percent sign', '%'],
    ['broken JSON', '{"a":'],
    ['5 KB of junk', 'x.'.repeat(2560)],
    ['HTML', '<img src=x onerror=alert(1)>'],
    ['another cookie format', 'GA1.1.123456789.1700000000'],
    ['a valid value inside quotes', `"${valid}"`],
    ['a valid value with spaces around it', ` ${valid} `],
    ['a valid value with more after it', `${valid}.x`],
    ['a valid value twice', `${valid}${valid}`]
  ])('is no decision: %s', (_, value) => {
    expect(decode(value, config, NOW)).toBeNull()
  })

  test('is no decision when the names hash does not match', () => {
    const hash = valid.split('.')[5] as string
    const other = hash === 'zzz' ? 'zzy' : 'zzz'
    expect(decode(withField(valid, 5, other), config, NOW)).toBeNull()
  })

  test('is no decision when the bits name more than the configured names', () => {
    // Six names (analytics, embeds, ga4, hubspot, hotjar, youtube): 63 is everything, 64 is beyond.
    expect(decode(withField(valid, 4, (63).toString(36)), config, NOW)).not.toBeNull()
    expect(decode(withField(valid, 4, (64).toString(36)), config, NOW)).toBeNull()
    expect(decode(withField(valid, 4, 'zzzzzzzzzzzzzzzzzzzz'), config, NOW)).toBeNull()
  })

  test('is no decision with an unknown method letter', () => {
    expect(decode(withField(valid, 3, 'x'), config, NOW)).toBeNull()
    expect(decode(withField(valid, 3, 'A'), config, NOW)).toBeNull()
    expect(decode(withField(valid, 3, 'ac'), config, NOW)).toBeNull()
  })

  test('is no decision when decided more than a day in the future', () => {
    const at = (time: number) => encoded(config, () => true, 'accept-all', time)
    expect(decode(at(NOW + DAY - 1000), config, NOW)).not.toBeNull()
    expect(decode(at(NOW + DAY + 1000), config, NOW)).toBeNull()
    expect(decode(at(NOW + 400 * DAY), config, NOW)).toBeNull()
  })

  test('is no decision under another format version', () => {
    expect(decode(withField(valid, 0, '2'), config, NOW)).toBeNull()
    expect(decode(withField(valid, 0, '0'), config, NOW)).toBeNull()
  })

  test('is no decision with a malformed id', () => {
    expect(decode(withField(valid, 6, 'short'), config, NOW)).toBeNull()
    expect(decode(withField(valid, 6, 'q8Xn0pWc2LrT5vY='), config, NOW)).toBeNull()
  })

  test('asks again after the revision changes', () => {
    const raised = configWith({ revision: 2 })
    expect(decode(valid, raised, NOW)).toBeNull()
    const under2 = encoded(raised, () => true)
    expect(decode(under2, config, NOW)).toBeNull()
    expect(decode(under2, raised, NOW)).not.toBeNull()
  })

  test('is not read after the owner adds a service', () => {
    const fewer = configWith({ services: { ga4: { id: 'G-ABC123XYZ' } } })
    const written = encoded(fewer, () => true, 'accept-all')
    expect(decode(written, fewer, NOW)).not.toBeNull()
    expect(decode(written, config, NOW)).toBeNull()
    expect(decode(valid, fewer, NOW)).toBeNull()
  })

  test('is not read after the owner adds a category', () => {
    const more = configWith({ categories: { marketing: {} } })
    expect(decode(valid, more, NOW)).toBeNull()
  })
})

describe('expiry', () => {
  test('lasts 182 days from the decision, whenever it is read', () => {
    const config = configWith()
    const decided = NOW - 100 * DAY
    const value = encoded(config, () => true, 'accept-all', decided)
    const read = decode(value, config, NOW)
    expect(read?.expiresAt).toBe(new Date(decided + 182 * DAY).toISOString())
    expect(decode(value, config, decided + 182 * DAY - 1000)).not.toBeNull()
    expect(decode(value, config, decided + 182 * DAY)).toBeNull()
  })

  test('lasts expiresDays from the decision', () => {
    const config = configWith({ expiresDays: 30 })
    const value = encoded(config, () => false, 'reject-all')
    expect(decode(value, config, NOW)?.expiresAt).toBe(new Date(NOW + 30 * DAY).toISOString())
    expect(decode(value, config, NOW + 30 * DAY - 1000)).not.toBeNull()
    expect(decode(value, config, NOW + 30 * DAY)).toBeNull()
  })

  test('a refusal lasts as long as a consent', () => {
    const config = configWith()
    const refusal = encoded(config, () => false, 'reject-all')
    const consent = encoded(config, () => true, 'accept-all')
    const later = NOW + 181 * DAY
    expect(decode(refusal, config, later)).not.toBeNull()
    expect(decode(consent, config, later)).not.toBeNull()
  })
})

/** Deterministic randomness: mulberry32. */
const prng = (seed: number) => (): number => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}

/** The bit layout of the default config with all four services, as the format pins it. */
const NAMES = ['analytics', 'embeds', 'ga4', 'hubspot', 'hotjar', 'youtube']
const CATEGORY_OF: Record<string, string> = {
  ga4: 'analytics',
  hubspot: 'analytics',
  hotjar: 'analytics',
  youtube: 'embeds'
}
const METHOD_OF: Record<string, Method> = { a: 'accept-all', r: 'reject-all', c: 'custom', g: 'gpc' }

const base36 = (text: string): bigint =>
  [...text].reduce((sum, digit) => sum * 36n + BigInt(Number.parseInt(digit, 36)), 0n)

/** An independent reading of a value: what its fields say, in exact arithmetic. */
function reference(value: string, config: ResolvedConfig, hash: string, now: number) {
  const fields = value.split('.')
  if (fields.length !== 7) return null
  const [version, revision, time, method, grants, names, id] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string
  ]
  const number = /^[0-9a-z]+$/
  if (version !== '1' || ![revision, time, grants].every(field => number.test(field))) return null
  if (!(method in METHOD_OF) || names !== hash || !/^[0-9A-Za-z_-]{16}$/.test(id)) return null
  if (base36(revision) !== BigInt(config.revision)) return null
  const bits = base36(grants)
  if (bits >= 2n ** BigInt(NAMES.length)) return null
  const decided = base36(time) * 1000n
  if (decided > BigInt(now + DAY) || decided + BigInt(config.expiresDays * DAY) <= BigInt(now)) return null
  const bit = (name: string) => ((bits >> BigInt(NAMES.indexOf(name))) & 1n) === 1n
  const categories = { necessary: true, analytics: bit('analytics'), embeds: bit('embeds') }
  const services = Object.fromEntries(
    Object.entries(CATEGORY_OF).map(([service, category]) => [service, bit(service) && bit(category)])
  )
  return {
    id,
    method: METHOD_OF[method],
    decidedAt: new Date(Number(decided)).toISOString(),
    categories,
    services
  }
}

describe('fuzzing', () => {
  test('no value, random or tampered, throws or grants what its bits do not encode', () => {
    const config = configWith()
    const random = prng(0x6b656b73)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-'
    const JUNK = `${ALPHABET}%;=, "{}<>\u0000\u00e4\u{1f36a}`
    const randomText = (length: number, from = ALPHABET) =>
      Array.from({ length }, () => pick([...from])).join('')
    const hash = encoded(config, () => true).split('.')[5] as string

    const validValue = (): string => {
      const id = randomText(16, ALPHABET.replace('.', ''))
      const decided = NOW - Math.floor(random() * 200) * DAY + Math.floor((random() * DAY) / 1000) * 1000
      return encode(config, decided, pick(Object.values(METHOD_OF)), () => random() < 0.5, id)
    }
    const mutate = (value: string): string => {
      const at = Math.floor(random() * (value.length + 1))
      switch (Math.floor(random() * 6)) {
        case 0:
          return value.slice(0, at) + pick([...JUNK]) + value.slice(at + 1)
        case 1:
          return value.slice(0, at) + pick([...ALPHABET]) + value.slice(at)
        case 2:
          return value.slice(0, at) + value.slice(at + 1)
        case 3:
          return value.slice(0, at)
        case 4:
          // Tampered grants: other bits, in range or not.
          return withField(value, 4, Math.floor(random() * 100).toString(36))
        default:
          return withField(value, Math.floor(random() * 7), randomText(1 + Math.floor(random() * 4)))
      }
    }
    /** Well-formed values with random fields: most get past the pattern, so the checks behind it are fuzzed. */
    const structured = (): string =>
      [
        random() < 0.95 ? '1' : pick(['0', '2', '01', '11']),
        random() < 0.8 ? '1' : pick(['01', '2', '0', '001']),
        (Math.floor(NOW / 1000) + Math.floor((random() - 0.75) * 250 * 86_400)).toString(36),
        pick([...'arcgarcgx']),
        Math.floor(random() * 80).toString(36),
        random() < 0.9 ? hash : randomText(3, '0123456789abcdefghijklmnopqrstuvwxyz'),
        randomText(pick([15, 16, 16, 16, 17]), ALPHABET.replace('.', ''))
      ].join('.')

    const values: string[] = []
    const originals = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      let value = validValue()
      originals.add(value)
      values.push(value)
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) value = mutate(value)
      values.push(value)
    }
    for (let i = 0; i < 3000; i++) values.push(randomText(Math.floor(random() * 80)))
    for (let i = 0; i < 1000; i++) values.push(randomText(Math.floor(random() * 80), JUNK))
    for (let i = 0; i < 3000; i++) values.push(structured())
    expect(values.length).toBeGreaterThanOrEqual(10_000)

    let read = 0
    let readAltered = 0
    for (const value of values) {
      const consent = decode(value, config, NOW)
      const expected = reference(value, config, hash, NOW)
      if (consent) read++
      if (consent && !originals.has(value)) readAltered++
      const seen = consent && {
        id: consent.id,
        method: consent.method,
        decidedAt: consent.decidedAt,
        categories: consent.categories,
        services: consent.services
      }
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        expect({ value, seen }).toEqual({ value, seen: expected })
      }
      for (const service of Object.keys(CATEGORY_OF)) {
        if (consent?.services[service]) expect(consent.categories[CATEGORY_OF[service] as string]).toBe(true)
      }
      expect(
        granted(consent).every(
          name =>
            name === 'necessary' || expected?.categories[name as 'analytics'] || expected?.services[name]
        )
      ).toBe(true)
    }
    // The fuzzing reaches both sides: values that are read and values that are not.
    expect(readAltered).toBeGreaterThan(500)
    expect(values.length - read).toBeGreaterThan(4000)
  })
})
