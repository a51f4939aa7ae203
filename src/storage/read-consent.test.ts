import { expect, test } from 'vitest'
import { allFour } from '../../test/fixtures.js'
import { encode } from '../core/codec.js'
import { resolveConfig } from '../core/config.js'
import { createConsentModel } from '../core/consent.js'
import { builtIns } from '../services/built-ins.js'
import { memoryStorage } from './memory-storage.js'
import { readConsent } from './read-consent.js'

const NOW = Date.UTC(2026, 10, 25, 12)
const options = { policyUrl: '/privacy', services: allFour() }

/** The cookie value the browser would hold after the visitor chose Hotjar only. */
const hotjarOnly = (): string => {
  const storage = memoryStorage()
  createConsentModel(
    resolveConfig(options, builtIns, () => {}),
    storage,
    () => NOW
  ).set({ hotjar: true })
  return storage.value as string
}

test('a server reads the decision from the Cookie header, among other cookies', () => {
  const consent = readConsent(`_session=abc; keksi=${hotjarOnly()}; theme=dark`, options, NOW)
  expect(consent?.method).toBe('custom')
  expect(consent?.services).toEqual({ ga4: false, hubspot: false, hotjar: true, youtube: false })
  expect(consent?.categories.analytics).toBe(true)
})

test('no cookie, another cookie name, or a tampered value is no decision', () => {
  expect(readConsent(undefined, options, NOW)).toBeNull()
  expect(readConsent('', options, NOW)).toBeNull()
  expect(readConsent(`notkeksi=${hotjarOnly()}`, options, NOW)).toBeNull()
  expect(readConsent(`keksi=${hotjarOnly().replace(/\.c\./, '.a.').slice(0, -1)}`, options, NOW)).toBeNull()
  expect(readConsent(`mine=${hotjarOnly()}`, { ...options, cookieName: 'mine' }, NOW)?.services.hotjar).toBe(
    true
  )
})

test('the same rules as the page: another revision or an expired decision is no decision', () => {
  expect(readConsent(`keksi=${hotjarOnly()}`, { ...options, revision: 2 }, NOW)).toBeNull()
  expect(readConsent(`keksi=${hotjarOnly()}`, options, NOW + 183 * 86_400_000)).toBeNull()
})

test('what the server reads is exactly what the cookie encodes', () => {
  const value = hotjarOnly()
  const consent = readConsent(`keksi=${value}`, options, NOW)
  expect(
    encode(
      resolveConfig(options, builtIns, () => {}),
      Date.parse(consent!.decidedAt),
      consent!.method,
      name => consent!.categories[name] || consent!.services[name],
      consent!.id
    )
  ).toBe(value)
})
