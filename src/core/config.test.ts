import { describe, expect, test } from 'vitest'
import { allFour, OPTION_KEYS, SERVICE_KEYS } from '../../test/fixtures.js'
import { builtIns } from '../services/built-ins.js'
import { BUILT_IN_CATEGORIES, consentNames, isSafeUrl, resolveConfig } from './config.js'
import type { ResolvedConfig } from './types.js'

/** YouTube as every config has it, configured or not. */
const YOUTUBE = {
  key: 'youtube',
  category: 'embeds',
  cookies: [],
  storage: [],
  hosts: builtIns.youtube?.hosts
}

type Problem = [code: string, at: string, found: unknown, known: string[] | undefined]

/** Resolves a config and keeps what it reported, as the console would show it. */
const resolve = (input: unknown): { config: ResolvedConfig; problems: Problem[] } => {
  const problems: Problem[] = []
  const config = resolveConfig(input, builtIns, (code, at, found, known) => {
    problems.push([code, at, found, known])
  })
  return { config, problems }
}

describe('defaults', () => {
  test('a config with only the policy URL reports nothing and gets every default', () => {
    const { config, problems } = resolve({ policyUrl: '/privacy' })
    expect(problems).toEqual([])
    expect(config).toEqual({
      policyUrl: '/privacy',
      revision: 1,
      lang: 'auto',
      theme: 'light',
      cookieName: 'keksi',
      expiresDays: 182,
      reloadOnRevoke: true,
      gpc: true,
      consentMode: true,
      categories: [
        { name: 'necessary', services: [] },
        { name: 'analytics', services: [] },
        // YouTube is known without config (README "Services").
        { name: 'embeds', services: ['youtube'] }
      ],
      services: { youtube: YOUTUBE },
      categoryTexts: {},
      texts: {}
    })
  })

  test('the built-in categories are necessary, analytics and embeds, necessary first', () => {
    expect(BUILT_IN_CATEGORIES).toEqual(['necessary', 'analytics', 'embeds'])
  })

  test('every valid option is taken as given', () => {
    const texts = { en: { title: 'Cookies on Acme' } }
    const { config, problems } = resolve({
      policyUrl: 'https://acme.example/privacy',
      revision: 3,
      lang: 'fi',
      theme: 'dark',
      css: '/styles/keksi.css',
      cookieName: 'acme_consent',
      cookieDomain: 'acme.example',
      expiresDays: 395,
      texts,
      reloadOnRevoke: false,
      layout: 'box',
      position: 'right',
      floatingButton: true
    })
    expect(problems).toEqual([])
    expect(config).toMatchObject({
      policyUrl: 'https://acme.example/privacy',
      revision: 3,
      lang: 'fi',
      theme: 'dark',
      css: '/styles/keksi.css',
      cookieName: 'acme_consent',
      cookieDomain: 'acme.example',
      expiresDays: 395,
      texts,
      reloadOnRevoke: false,
      layout: 'box',
      position: 'right',
      floatingButton: true
    })
  })

  test('css "none" turns the stylesheet off', () => {
    const { config, problems } = resolve({ policyUrl: '/privacy', css: 'none' })
    expect(problems).toEqual([])
    expect(config.css).toBe('none')
  })

  test('revision 0 and 1 day are allowed', () => {
    const { config, problems } = resolve({ policyUrl: '/privacy', revision: 0, expiresDays: 1 })
    expect(problems).toEqual([])
    expect(config.revision).toBe(0)
    expect(config.expiresDays).toBe(1)
  })
})

describe('an option with a bad value', () => {
  const defaults = resolve({ policyUrl: '/privacy' }).config

  test.each<[string, unknown]>([
    ['revision', -1],
    ['revision', 1.5],
    ['revision', '2'],
    ['revision', null],
    ['lang', 5],
    ['lang', ''],
    ['theme', 'blue'],
    ['theme', 'Dark'],
    ['css', 'javascript:alert(1)'],
    ['css', 'data:text/css,body{}'],
    ['css', 5],
    ['layout', 'modal'],
    ['layout', ['box']],
    ['position', 'top'],
    ['position', 'center'],
    ['position', 'Left'],
    ['position', ['left']],
    ['floatingButton', 'true'],
    ['cookieName', 'my cookie'],
    ['cookieName', 'a;b'],
    ['cookieName', 'x'.repeat(33)],
    ['cookieName', ''],
    ['cookieDomain', 5],
    ['cookieDomain', ''],
    ['expiresDays', 0],
    ['expiresDays', 396],
    ['expiresDays', 30.5],
    ['expiresDays', '30'],
    ['expiresDays', Number.NaN],
    ['categories', []],
    ['categories', 'marketing'],
    ['categories', null],
    ['services', []],
    ['services', 'ga4'],
    ['texts', 'en'],
    ['texts', [{ title: 'x' }]],
    ['reloadOnRevoke', 'false'],
    ['reloadOnRevoke', 0]
  ])('%s = %j is reported once and the default stays', (key, value) => {
    const { config, problems } = resolve({ policyUrl: '/privacy', [key]: value })
    expect(problems).toEqual([[key, key, value, undefined]])
    expect(config).toEqual(defaults)
  })

  test.each<unknown>(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 42, ''])(
    'policyUrl = %j is reported by its key, and the banner has no policy link',
    value => {
      const { config, problems } = resolve({ policyUrl: value })
      expect(problems).toContainEqual(['policyUrl', 'policyUrl', value, undefined])
      expect(config.policyUrl).toBeUndefined()
    }
  )
})

describe('unknown and missing options', () => {
  test('an unknown option is reported with the list of known ones, and ignored', () => {
    const { config, problems } = resolve({ policyUrl: '/privacy', polcyUrl: '/x', theme: 'dark' })
    expect(problems).toEqual([['unknown', 'polcyUrl', '/x', OPTION_KEYS]])
    expect(config).not.toHaveProperty('polcyUrl')
    expect(config.theme).toBe('dark')
  })

  test('a missing policy URL is reported', () => {
    expect(resolve({}).problems).toEqual([['missing', 'policyUrl', undefined, undefined]])
  })

  test('a config that is not an object is reported and every default applies', () => {
    for (const input of [null, undefined, [], [{ policyUrl: '/privacy' }], 5, 'policyUrl', true]) {
      const { config, problems } = resolve(input)
      expect(problems[0]).toEqual(['config', 'config', input, undefined])
      expect(config.categories.map(category => category.name)).toEqual(BUILT_IN_CATEGORIES)
      expect(config.services).toEqual({ youtube: YOUTUBE })
    }
  })

  test('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      0,
      Number.NaN,
      '',
      '{}',
      [],
      [1, 2],
      () => ({}),
      Symbol('config'),
      10n,
      Object.create(null),
      new Date(),
      { services: null },
      { services: { ga4: null, hubspot: 5, hotjar: [], youtube: 'yes' } },
      { services: { ga4: { id: 5, cookies: 'x', category: [] } } },
      { services: { matomo: { category: 'analytics', cookies: [1, null] } } },
      { categories: { marketing: null, 'Bad Name': {}, x: [] } },
      { categories: { marketing: 'x' }, services: { pixel: { category: 'marketing' } } },
      { texts: { en: null }, policyUrl: { href: '/privacy' } },
      { revision: Number.POSITIVE_INFINITY, expiresDays: -0 }
    ]
    for (const input of inputs) expect(() => resolve(input)).not.toThrow()
  })
})

describe('isSafeUrl', () => {
  test.each([
    '/privacy',
    'privacy.html',
    '../privacy',
    '#cookies',
    '?page=privacy',
    'https://acme.example/privacy',
    'http://acme.example/privacy',
    'HTTPS://ACME.EXAMPLE/',
    '//acme.example/privacy'
  ])('allows %j', url => {
    expect(isSafeUrl(url)).toBe(true)
  })

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav\r\nascript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u0000\u001fjavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://acme.example/1'
  ])('rejects %j', url => {
    expect(isSafeUrl(url)).toBe(false)
  })

  test('rejects what is not a string', () => {
    for (const url of [undefined, null, 5, {}, ['/privacy']]) expect(isSafeUrl(url)).toBe(false)
  })
})

describe('categories', () => {
  test('a site adds its own categories after the built-in ones', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      categories: { marketing: { title: 'Marketing' }, personalization: {} }
    })
    expect(problems).toEqual([])
    expect(config.categories.map(category => category.name)).toEqual([
      'necessary',
      'analytics',
      'embeds',
      'marketing',
      'personalization'
    ])
    expect(config.categoryTexts).toEqual({ marketing: { title: 'Marketing' }, personalization: {} })
  })

  test('texts for a built-in category do not add it twice', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      categories: { analytics: { title: 'Statistics' } }
    })
    expect(problems).toEqual([])
    expect(config.categories.map(category => category.name)).toEqual(BUILT_IN_CATEGORIES)
    expect(config.categoryTexts).toEqual({ analytics: { title: 'Statistics' } })
  })

  test.each<[string, unknown]>([
    ['Marketing', {}],
    ['my marketing', {}],
    ['1st', {}],
    ['marketing', 'Marketing'],
    ['marketing', null],
    ['marketing', true]
  ])('a category %j holding %j is reported and left out', (name, value) => {
    const { config, problems } = resolve({ policyUrl: '/privacy', categories: { [name]: value } })
    expect(problems).toEqual([['category', `categories.${name}`, value, undefined]])
    expect(config.categories.map(category => category.name)).toEqual(BUILT_IN_CATEGORIES)
    expect(config.categoryTexts).toEqual({})
  })
})

describe('services', () => {
  test('a custom service takes a script URL, hosts and storage keys; the vendor’s own lists come first', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      services: {
        matomo: {
          category: 'analytics',
          src: 'https://stats.example.com/matomo.js',
          hosts: ['stats.example.com'],
          storage: ['_pk_*']
        },
        hotjar: { id: '3456789', cookies: ['_hjExtra 1d'], hosts: ['hj.example.net'] }
      }
    })
    expect(problems).toEqual([])
    expect(config.services.matomo).toMatchObject({
      src: 'https://stats.example.com/matomo.js',
      hosts: ['stats.example.com'],
      storage: ['_pk_*']
    })
    expect(config.services.hotjar?.cookies.at(-1)).toBe('_hjExtra 1d')
    expect(config.services.hotjar?.hosts).toEqual([...(builtIns.hotjar?.hosts ?? []), 'hj.example.net'])
  })

  test('an unsafe script URL, a host that is not a list, a vendor option out of range: each reported', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      services: {
        evil: { category: 'analytics', src: 'javascript:alert(1)', hosts: 'evil.example' },
        ga4: { id: 'G-ABC123XYZ', mode: 'aggressive' },
        hotjar: { id: '3456789', region: 'eu1' }
      }
    })
    expect(problems).toEqual([
      ['src', 'services.evil.src', 'javascript:alert(1)', undefined],
      ['hosts', 'services.evil.hosts', 'evil.example', undefined],
      ['option', 'services.ga4.mode', 'aggressive', ['basic', 'advanced']],
      [
        'unknown',
        'services.hotjar.region',
        'eu1',
        SERVICE_KEYS.filter(key => !/^(src|mode|region)$/.test(key))
      ]
    ])
    // The service stays, loading nothing; the option keeps its default.
    expect(config.services.evil).not.toHaveProperty('src')
    expect(config.services.ga4).not.toHaveProperty('mode')
  })

  test('the four built-in services need only their ids and know their categories', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      services: allFour()
    })
    expect(problems).toEqual([])
    expect(config.categories).toEqual([
      { name: 'necessary', services: [] },
      { name: 'analytics', services: ['ga4', 'hubspot', 'hotjar'] },
      { name: 'embeds', services: ['youtube'] }
    ])
    // Each with the vendor's cookies, storage keys and hosts, for clearing and auto-blocking.
    expect(config.services.ga4).toEqual({
      key: 'ga4',
      category: 'analytics',
      id: 'G-ABC123XYZ',
      cookies: builtIns.ga4?.cookies,
      storage: [],
      hosts: builtIns.ga4?.hosts
    })
    expect(config.services.hotjar?.storage).toEqual(builtIns.hotjar?.storage)
    expect(config.services.youtube).toEqual(YOUTUBE)
  })

  test('youtube: true is enough', () => {
    const { config, problems } = resolve({ policyUrl: '/privacy', services: { youtube: true } })
    expect(problems).toEqual([])
    expect(config.services.youtube?.category).toBe('embeds')
  })

  test.each([
    ['ga4', 'G-ABC123XYZ'],
    ['ga4', 'G-1234'],
    ['hubspot', '1234567'],
    ['hubspot', '123'],
    ['hotjar', '3456789'],
    ['hotjar', '1234567890']
  ])('%s takes the id %j', (service, id) => {
    const { config, problems } = resolve({ policyUrl: '/privacy', services: { [service]: { id } } })
    expect(problems).toEqual([])
    expect(config.services[service]?.id).toBe(id)
  })

  test.each<[string, unknown]>([
    ['ga4', 'UA-1'],
    ['ga4', 'UA-12345678-1'],
    ['ga4', 'g-abc123xyz'],
    ['ga4', 'G-ABC'],
    ['ga4', ' G-ABC123XYZ'],
    ['ga4', undefined],
    ['hubspot', 'abc'],
    ['hubspot', '12'],
    ['hubspot', '12345678901'],
    ['hotjar', '3456789x'],
    ['hotjar', undefined]
  ])('%s with the id %j is reported and stays blocked', (service, id) => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      services: { [service]: id === undefined ? {} : { id } }
    })
    expect(problems).toEqual([['id', `services.${service}.id`, id, [builtIns[service]?.example]]])
    expect(config.services).toEqual({ youtube: YOUTUBE })
    expect(consentNames(config)).toEqual(['analytics', 'embeds', 'youtube'])
  })

  test('a custom service joins the optional category it names', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      categories: { marketing: {} },
      services: {
        matomo: { category: 'analytics', name: 'Matomo', cookies: ['_pk_id*', '_pk_ses*'] },
        pixel: { category: 'marketing', provider: 'Pixel Ltd.', purpose: 'Measures ads.' }
      }
    })
    expect(problems).toEqual([])
    expect(config.services.matomo).toEqual({
      key: 'matomo',
      category: 'analytics',
      name: 'Matomo',
      cookies: ['_pk_id*', '_pk_ses*'],
      storage: [],
      hosts: []
    })
    expect(config.categories.find(category => category.name === 'marketing')?.services).toEqual(['pixel'])
    expect(consentNames(config)).toEqual(['analytics', 'embeds', 'marketing', 'matomo', 'youtube', 'pixel'])
  })

  test.each<[string, unknown]>([
    ['no category', undefined],
    ['an unknown category', 'marketing'],
    ['the necessary category', 'necessary'],
    ['a category that is not a string', 5]
  ])('a custom service with %s is reported with the optional categories, and left out', (_, category) => {
    const service = category === undefined ? {} : { category }
    const { config, problems } = resolve({ policyUrl: '/privacy', services: { matomo: service } })
    expect(problems).toContainEqual([
      'serviceCategory',
      'services.matomo.category',
      category,
      ['analytics', 'embeds']
    ])
    expect(config.services).toEqual({ youtube: YOUTUBE })
    expect(consentNames(config)).toEqual(['analytics', 'embeds', 'youtube'])
  })

  test.each(['analytics', 'embeds', 'necessary', 'marketing'])(
    'a service named like the category %j is reported and left out',
    name => {
      const { config, problems } = resolve({
        policyUrl: '/privacy',
        categories: { marketing: {} },
        services: { [name]: { category: 'analytics' } }
      })
      expect(problems).toEqual([['service', `services.${name}`, { category: 'analytics' }, undefined]])
      expect(config.services).toEqual({ youtube: YOUTUBE })
    }
  )

  test.each<[string, unknown]>([
    ['Matomo', {}],
    ['my-pixel!', {}],
    ['matomo', null],
    ['matomo', 'https://stats.example.com/m.js'],
    ['matomo', []]
  ])('a service %j holding %j is reported and left out', (name, value) => {
    const { config, problems } = resolve({ policyUrl: '/privacy', services: { [name]: value } })
    expect(problems).toEqual([['service', `services.${name}`, value, undefined]])
    expect(config.services).toEqual({ youtube: YOUTUBE })
  })

  test('a service field of the wrong type is reported and ignored', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      services: { matomo: { category: 'analytics', name: 5, cookies: '_pk_id', provider: '' } }
    })
    expect(problems).toEqual([
      ['string', 'services.matomo.name', 5, undefined],
      ['cookies', 'services.matomo.cookies', '_pk_id', undefined],
      ['string', 'services.matomo.provider', '', undefined]
    ])
    expect(config.services.matomo).toEqual({
      key: 'matomo',
      category: 'analytics',
      cookies: [],
      storage: [],
      hosts: []
    })
  })

  test('an unknown service field is reported with the known fields', () => {
    const { config, problems } = resolve({
      policyUrl: '/privacy',
      services: { ga4: { id: 'G-ABC123XYZ', src: 'https://evil.example/x.js' } }
    })
    // A built-in loads its own script: `src` is not one of its fields, nor HubSpot's `region`.
    expect(problems).toEqual([
      [
        'unknown',
        'services.ga4.src',
        'https://evil.example/x.js',
        SERVICE_KEYS.filter(key => !/^(src|region)$/.test(key))
      ]
    ])
    expect(config.services.ga4).toMatchObject({ key: 'ga4', category: 'analytics', id: 'G-ABC123XYZ' })
    expect(config.services.ga4).not.toHaveProperty('src')
  })

  test('past 50 names in all, each extra service is reported as over the limit and left out', () => {
    // 2 optional categories + 48 services = 50 names.
    const services = Object.fromEntries(
      Array.from({ length: 52 }, (_, i) => [`s${i}`, { category: i % 2 ? 'analytics' : 'embeds' }])
    )
    const { config, problems } = resolve({ policyUrl: '/privacy', services })
    expect(problems).toEqual([
      ['limit', 'services.s48', undefined, undefined],
      ['limit', 'services.s49', undefined, undefined],
      ['limit', 'services.s50', undefined, undefined],
      ['limit', 'services.s51', undefined, undefined]
    ])
    expect(consentNames(config)).toHaveLength(50)
    expect(Object.keys(config.services)).toHaveLength(48)
    expect(config.services.s47).toBeDefined()
    expect(config.services.s48).toBeUndefined()
  })
})

describe('hostile and odd configs', () => {
  test("never changes the owner's config object", () => {
    const input = {
      policyUrl: '/privacy',
      services: { ga4: { id: 'G-ABC123XYZ' }, bad: 5 },
      categories: { BAD: {} }
    }
    const copy = structuredClone(input)
    resolve(input)
    expect(input).toEqual(copy)
    // So resolving it twice reports the same, once each time.
    expect(resolve(input).problems).toEqual(resolve(input).problems)
  })

  test('keys that exist on Object.prototype are unknown options, never a throw', () => {
    for (const json of [
      '{"__proto__":{}}',
      '{"hasOwnProperty":1}',
      '{"valueOf":1}',
      '{"toString":1}',
      '{"constructor":1}'
    ]) {
      const input = JSON.parse(json)
      const { config, problems } = resolve({ policyUrl: '/p', ...input })
      expect(
        problems.map(([code]) => code),
        json
      ).toEqual(['unknown'])
      expect(Object.hasOwn(config, Object.keys(input)[0]!), json).toBe(false)
    }
  })

  test('a service id found on Object.prototype is not taken for a built-in', () => {
    const { config, problems } = resolve({ policyUrl: '/p', services: { constructor: {} } })
    expect(config.services).toEqual({ youtube: YOUTUBE })
    expect(problems[0]?.[0]).toBe('serviceCategory')
  })

  test('categories count towards the limit of 50 names too', () => {
    const categories = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`c${i}`, {}]))
    const { config, problems } = resolve({ policyUrl: '/p', categories })
    expect(consentNames(config)).toHaveLength(50)
    expect(problems.filter(([code]) => code === 'limit')).toHaveLength(12)
  })

  test('a bad policy URL is reported once, not also as missing', () => {
    const { problems } = resolve({ policyUrl: 'javascript:alert(1)' })
    expect(problems.map(([code, at]) => `${code} ${at}`)).toEqual(['policyUrl policyUrl'])
  })
})
