import { expect, test } from 'vitest'
import { cookieLabel } from './Preferences.js'

test('a cookie shows its lifetime in the visitor’s language, in the browser’s own words', () => {
  expect(cookieLabel('_ga 2y', 'en', 'session')).toBe('_ga (2 years)')
  expect(cookieLabel('_ga 2y', 'fi', 'istunto')).toBe('_ga (2 vuotta)')
  expect(cookieLabel('_hjSessionUser_* 365d', 'sv', 'session')).toBe('_hjSessionUser_* (365 dygn)')
  expect(cookieLabel('__hssc 30min', 'en', 'session')).toBe('__hssc (30 minutes)')
  expect(cookieLabel('_pk_id* 13mo', 'de', 'Sitzung')).toBe('_pk_id* (13 Monate)')
  expect(cookieLabel('_x 1h', 'en', 'session')).toBe('_x (1 hour)')
})

test('a session cookie says so in the texts’ word', () => {
  expect(cookieLabel('__hssrc session', 'fi', 'istunto')).toBe('__hssrc (istunto)')
})

test('a name alone, or a lifetime not in the notation, is shown as the owner wrote it', () => {
  expect(cookieLabel('_hj*', 'en', 'session')).toBe('_hj*')
  expect(cookieLabel('_pk_id 13 months', 'en', 'session')).toBe('_pk_id 13 months')
  expect(cookieLabel('_pk_id 2w', 'en', 'session')).toBe('_pk_id 2w')
})

test('an owner language tag that is no valid locale falls back to English words', () => {
  expect(cookieLabel('_ga 2y', 'not a tag', 'session')).toBe('_ga (2 years)')
})
