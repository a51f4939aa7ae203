import { describe, expect, test } from 'vitest'
import { allFour } from '../../test/fixtures.js'
import { builtIns } from '../services/built-ins.js'
import { memoryStorage } from '../storage/memory-storage.js'
import { encode } from './codec.js'
import { resolveConfig } from './config.js'
import { createConsentModel, grants, toggle } from './consent.js'
import type { ConsentStorage, KeksiConfig, ResolvedConfig } from './types.js'

const DAY = 86_400_000
/** Not a whole second: the model must round it. */
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0) + 789

const configWith = (options: KeksiConfig = {}): ResolvedConfig =>
  resolveConfig(
    {
      policyUrl: '/privacy',
      services: allFour(),
      ...options
    },
    builtIns,
    (...problem) => {
      throw new Error(`fixture reported ${JSON.stringify(problem)}`)
    }
  )

/** A memory storage that also remembers every write, with its expiry. */
const recordingStorage = (value?: string) => {
  const memory = memoryStorage(value)
  const writes: { value: string; expires: Date }[] = []
  const storage: ConsentStorage = {
    read: () => memory.read(),
    write(next, expires) {
      writes.push({ value: next, expires })
      memory.write(next, expires)
    },
    clear: () => memory.clear()
  }
  return { storage, writes, memory }
}

/** A stored value as an earlier page view would have written it. */
const storedValue = (config: ResolvedConfig, decided: number, grant: (name: string) => boolean): string =>
  encode(config, decided, 'custom', grant, 'q8Xn0pWc2LrT5vYb')

const config = configWith()
const model = (storage: ConsentStorage = memoryStorage(), now = () => NOW) =>
  createConsentModel(config, storage, now)

describe('before a decision', () => {
  test('there is no decision and nothing is written', () => {
    const { storage, writes } = recordingStorage()
    const consent = model(storage)
    expect(consent.store.get()).toBeNull()
    expect(writes).toEqual([])
  })

  test('only necessary is accepted', () => {
    const consent = model()
    expect(consent.accepted('necessary')).toBe(true)
    for (const name of ['analytics', 'embeds', 'ga4', 'hubspot', 'hotjar', 'youtube']) {
      expect(consent.accepted(name)).toBe(false)
    }
  })
})

describe('accept all and reject all', () => {
  test('accept all grants every category and service and stores it', () => {
    const { storage, writes } = recordingStorage()
    const consent = model(storage)
    consent.acceptAll()
    const decision = consent.store.get()
    expect(decision?.method).toBe('accept-all')
    expect(decision?.categories).toEqual({ necessary: true, analytics: true, embeds: true })
    expect(decision?.services).toEqual({ ga4: true, hubspot: true, hotjar: true, youtube: true })
    expect(writes).toHaveLength(1)
    expect(consent.accepted('hotjar')).toBe(true)
    // Names found on Object.prototype are not grants.
    expect(consent.accepted('constructor')).toBe(false)
    expect(grants(decision, 'toString')).toBe(false)
  })

  test('reject all grants only necessary, and the refusal is stored', () => {
    const { storage, writes } = recordingStorage()
    const consent = model(storage)
    consent.rejectAll()
    const decision = consent.store.get()
    expect(decision?.method).toBe('reject-all')
    expect(decision?.categories).toEqual({ necessary: true, analytics: false, embeds: false })
    expect(decision?.services).toEqual({ ga4: false, hubspot: false, hotjar: false, youtube: false })
    expect(writes).toHaveLength(1)
    const names = ['necessary', 'analytics', 'embeds', 'ga4', 'hubspot', 'hotjar', 'youtube']
    expect(names.filter(name => grants(decision, name))).toEqual(['necessary'])
  })

  test('a withdrawal is stored as a refusal, not deleted', () => {
    const { storage, memory } = recordingStorage()
    const consent = model(storage)
    consent.acceptAll()
    consent.rejectAll()
    expect(memory.value).toBeDefined()
    expect(model(memoryStorage(memory.value)).store.get()?.method).toBe('reject-all')
  })

  test('the decision expires 182 days after it was made', () => {
    const { storage, writes } = recordingStorage()
    model(storage).acceptAll()
    const decided = Math.floor(NOW / 1000) * 1000
    expect(writes[0]?.expires.getTime()).toBe(decided + 182 * DAY)
  })

  test('each decision has its own id', () => {
    const consent = model()
    consent.acceptAll()
    const first = consent.store.get()?.id
    consent.acceptAll()
    const second = consent.store.get()?.id
    expect(first).toMatch(/^[\w-]{16}$/)
    expect(second).toMatch(/^[\w-]{16}$/)
    expect(second).not.toBe(first)
  })
})

describe('set()', () => {
  test('a category switched on grants its services', () => {
    const consent = model()
    consent.set({ analytics: true })
    const decision = consent.store.get()
    expect(decision?.method).toBe('custom')
    expect(decision?.categories).toEqual({ necessary: true, analytics: true, embeds: false })
    expect(decision?.services).toEqual({ ga4: true, hubspot: true, hotjar: true, youtube: false })
  })

  test('a category switched on keeps a service named off', () => {
    const consent = model()
    consent.set({ analytics: true, hotjar: false })
    expect(consent.store.get()?.services).toEqual({
      ga4: true,
      hubspot: true,
      hotjar: false,
      youtube: false
    })
  })

  test('a category switched off revokes its services and leaves the others alone', () => {
    const consent = model()
    consent.acceptAll()
    consent.set({ analytics: false })
    const decision = consent.store.get()
    expect(decision?.categories).toEqual({ necessary: true, analytics: false, embeds: true })
    expect(decision?.services).toEqual({ ga4: false, hubspot: false, hotjar: false, youtube: true })
  })

  test('a service switched on turns its category on, and only that service', () => {
    const consent = model()
    consent.set({ ga4: true })
    const decision = consent.store.get()
    expect(decision?.categories).toEqual({ necessary: true, analytics: true, embeds: false })
    expect(decision?.services).toEqual({ ga4: true, hubspot: false, hotjar: false, youtube: false })
  })

  test('a service switched off leaves its category and the other services on', () => {
    const consent = model()
    consent.acceptAll()
    consent.set({ hotjar: false })
    const decision = consent.store.get()
    expect(decision?.categories.analytics).toBe(true)
    expect(decision?.services).toEqual({ ga4: true, hubspot: true, hotjar: false, youtube: true })
  })

  test('names not given keep their state', () => {
    const consent = model()
    consent.set({ embeds: true })
    consent.set({ hubspot: true })
    const decision = consent.store.get()
    expect(decision?.categories).toEqual({ necessary: true, analytics: true, embeds: true })
    expect(decision?.services).toEqual({ ga4: false, hubspot: true, hotjar: false, youtube: true })
  })

  test('switching an already granted category on again keeps its services as they were', () => {
    const consent = model()
    consent.set({ analytics: true, hotjar: false })
    consent.set({ analytics: true })
    expect(consent.store.get()?.services.hotjar).toBe(false)
  })

  test('necessary cannot be turned off', () => {
    const consent = model()
    consent.set({ necessary: false, embeds: true })
    expect(consent.store.get()?.categories.necessary).toBe(true)
    expect(consent.accepted('necessary')).toBe(true)
  })

  test('accepted() answers for categories and services alike', () => {
    const consent = model()
    consent.set({ ga4: true })
    expect(consent.accepted('analytics')).toBe(true)
    expect(consent.accepted('ga4')).toBe(true)
    expect(consent.accepted('hotjar')).toBe(false)
    expect(consent.accepted('embeds')).toBe(false)
    expect(consent.accepted('marketing')).toBe(false)
  })
})

describe('toggle(), the switches of the preferences and of set()', () => {
  const config = configWith()

  test('a category switches all its services', () => {
    expect(toggle(config, {}, 'analytics', true)).toEqual({
      analytics: true,
      ga4: true,
      hubspot: true,
      hotjar: true
    })
    expect(toggle(config, { analytics: true, ga4: true, hubspot: true }, 'analytics', false)).toEqual({
      analytics: false,
      ga4: false,
      hubspot: false,
      hotjar: false
    })
  })

  test('a service switched on switches its category on; off, it leaves the category and the others', () => {
    expect(toggle(config, {}, 'hotjar', true)).toEqual({ hotjar: true, analytics: true })
    expect(toggle(config, { analytics: true, ga4: true, hotjar: true }, 'hotjar', false)).toEqual({
      analytics: true,
      ga4: true,
      hotjar: false
    })
  })

  test('the choices given are not changed', () => {
    const choices = { embeds: false }
    toggle(config, choices, 'youtube', true)
    expect(choices).toEqual({ embeds: false })
  })
})

describe('reset()', () => {
  test('forgets the decision in the store and in storage', () => {
    const { storage, memory } = recordingStorage()
    const consent = model(storage)
    consent.acceptAll()
    consent.reset()
    expect(consent.store.get()).toBeNull()
    expect(memory.value).toBeUndefined()
    expect(consent.accepted('analytics')).toBe(false)
    expect(model(storage).store.get()).toBeNull()
  })
})

describe('a stored decision', () => {
  test('is read on load', () => {
    const value = storedValue(config, NOW - 10 * DAY, name => name === 'embeds' || name === 'youtube')
    const consent = model(memoryStorage(value))
    expect(consent.accepted('youtube')).toBe(true)
    expect(consent.accepted('analytics')).toBe(false)
  })

  test('is written back unchanged on load, so its decision time and expiry stay', () => {
    const decided = Math.floor((NOW - 10 * DAY) / 1000) * 1000
    const value = storedValue(config, decided, () => true)
    const { storage, writes } = recordingStorage(value)
    model(storage)
    expect(writes).toEqual([{ value, expires: new Date(decided + 182 * DAY) }])
  })

  test('an expired one is no decision, and is not written back', () => {
    const value = storedValue(config, NOW - 183 * DAY, () => true)
    const { storage, writes, memory } = recordingStorage(value)
    const consent = model(storage)
    expect(consent.store.get()).toBeNull()
    expect(consent.accepted('analytics')).toBe(false)
    expect(writes).toEqual([])
    expect(memory.value).toBe(value)
  })

  test('asks again after the revision changes, without rewriting the old value', () => {
    const value = storedValue(config, NOW - DAY, () => true)
    const { storage, writes } = recordingStorage(value)
    const consent = createConsentModel(configWith({ revision: 2 }), storage, () => NOW)
    expect(consent.store.get()).toBeNull()
    expect(writes).toEqual([])
  })

  test('a tampered one is no decision', () => {
    const value = storedValue(config, NOW - DAY, () => false)
    const consent = model(memoryStorage(value.replace(/\.0\./, '.3j.')))
    expect(consent.store.get()).toBeNull()
  })
})

describe('decision time', () => {
  test('is whole seconds and reads back identical after a reload', () => {
    const storage = memoryStorage()
    const consent = model(storage)
    consent.set({ analytics: true, hubspot: false })
    const decision = consent.store.get()
    expect(decision?.decidedAt).toBe('2025-01-15T12:00:00.000Z')
    expect(decision?.expiresAt).toBe(new Date(Date.UTC(2025, 0, 15, 12) + 182 * DAY).toISOString())

    const later = model(storage, () => NOW + 3 * DAY)
    expect(later.store.get()).toEqual(decision)
  })

  test('a visit does not move it', () => {
    const storage = memoryStorage()
    model(storage).acceptAll()
    const first = storage.value
    model(storage, () => NOW + 100 * DAY)
    expect(storage.value).toBe(first)
    expect(model(storage, () => NOW + 182 * DAY).store.get()).toBeNull()
  })
})
