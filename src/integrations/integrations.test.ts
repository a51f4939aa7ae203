// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"disableJavaScriptFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
/**
 * The logic under the integrations: Consent Mode's signals, each vendor's wiring, auto-blocking's marks. What a
 * real browser requests is proven in `test/services.test.ts`; this is what Keksi tells the vendors, and when.
 */
import { afterEach, describe, expect, test } from 'vitest'
import { allFour, DENIED } from '../../test/fixtures.js'
import { resolveConfig } from '../core/config.js'
import type { KeksiConfig, Report, Service } from '../core/types.js'
import { holdInserted } from '../gate/hold-inserted.js'
import { createKeksi, type Integration } from '../keksi.js'
import { builtIns } from '../services/built-ins.js'
import { memoryStorage } from '../storage/memory-storage.js'
import { consentMode } from './consent-mode.js'

const page = globalThis as unknown as Record<string, unknown>
afterEach(() => {
  for (const name of ['dataLayer', '_hsp', '_hsq', 'hj', '_hjSettings', 'disableHubSpotCookieBanner'])
    delete page[name]
  for (const name of Object.keys(page)) if (name.startsWith('ga-disable-')) delete page[name]
})

/** Keksi on a fresh document with these integrations; what it reports is kept. */
const start = (config: KeksiConfig, integrations: Integration[], value?: string) => {
  const problems: Parameters<Report>[] = []
  const report: Report = (...problem) => {
    problems.push(problem)
  }
  const resolved = resolveConfig(config, builtIns, report)
  const storage = memoryStorage(value)
  const keksi = createKeksi(resolved, {
    storage,
    loadUi: () => new Promise(() => {}),
    report,
    doc: document.implementation.createHTMLDocument(''),
    integrations
  })
  return { keksi, problems, storage, config: resolved }
}

/** `dataLayer` as arrays: each entry is gtag's Arguments object. */
const layer = () => ((page.dataLayer ?? []) as ArrayLike<unknown>[]).map(entry => Array.from(entry))

const DEFAULT = ['consent', 'default', { ...DENIED, security_storage: 'granted', wait_for_update: 500 }]

describe('Google Consent Mode', () => {
  test('default is all denied but security_storage, and nothing else is said before a decision', () => {
    start({ policyUrl: '/p' }, [consentMode])
    expect(layer()).toEqual([DEFAULT])
  })

  test('each decision is an update; analytics grants analytics_storage, a marketing category the ad signals', () => {
    const { keksi } = start({ policyUrl: '/p', categories: { marketing: {} } }, [consentMode])
    keksi.set({ analytics: true })
    keksi.set({ marketing: true, analytics: false })
    keksi.reset()
    expect(layer()).toEqual([
      DEFAULT,
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }],
      [
        'consent',
        'update',
        { ...DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }
      ],
      // Forgetting the decision is a withdrawal.
      ['consent', 'update', DENIED]
    ])
  })

  test('with GA4 configured, analytics_storage follows GA4 itself, not the whole category', () => {
    const { keksi } = start({ policyUrl: '/p', services: allFour() }, [consentMode])
    keksi.set({ analytics: true, ga4: false })
    keksi.set({ ga4: true })
    expect(layer().slice(1)).toEqual([
      ['consent', 'update', DENIED],
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]
    ])
  })

  test('a stored decision is an update right after the default, on every page view', () => {
    const first = start({ policyUrl: '/p' }, [consentMode])
    first.keksi.acceptAll()
    delete page.dataLayer
    start({ policyUrl: '/p' }, [consentMode], first.storage.value)
    expect(layer()).toEqual([DEFAULT, ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]])
  })

  test('the owner’s map replaces the default; a name it maps to nothing known is reported and left out', () => {
    const { keksi, problems } = start(
      {
        policyUrl: '/p',
        consentMode: { embeds: ['functionality_storage', 'personalization_storage'], video: ['ad_storage'] }
      },
      [consentMode]
    )
    expect(problems).toEqual([
      ['name', 'consentMode.video', 'video', ['necessary', 'analytics', 'embeds', 'youtube']]
    ])
    keksi.acceptAll()
    expect(layer()[1]).toEqual([
      'consent',
      'update',
      { ...DENIED, functionality_storage: 'granted', personalization_storage: 'granted' }
    ])
  })

  test('consentMode: false says nothing to Google', () => {
    const { keksi } = start({ policyUrl: '/p', consentMode: false }, [consentMode])
    keksi.acceptAll()
    expect(page.dataLayer).toBeUndefined()
  })

  test('a map with a signal Google does not know is reported, and the default map applies', () => {
    const { problems } = start({ policyUrl: '/p', consentMode: { analytics: ['analytics'] } as never }, [
      consentMode
    ])
    expect(problems).toEqual([['consentMode', 'consentMode', { analytics: ['analytics'] }]])
    expect(layer()).toEqual([DEFAULT])
  })
})

/** A vendor's wiring for a service as the config resolves it, with the scripts it asks to load. */
const wire = (key: string, fields: Partial<Service> = {}) => {
  const loads: [string, string | undefined][] = []
  const service = {
    ...(resolveConfig({ services: allFour() }, builtIns, () => {}).services[key] as Service),
    ...fields
  }
  const update = builtIns[key]?.wire?.(service, (src, id) => loads.push([src, id])) as (
    granted: boolean
  ) => void
  return { update, loads }
}

describe('GA4', () => {
  test('its opt-out flag is set before anything else, and gtag.js loads only once granted, once', () => {
    const { update, loads } = wire('ga4')
    expect(page['ga-disable-G-ABC123XYZ']).toBe(true)
    update(false)
    expect(loads).toEqual([])
    update(true)
    update(false)
    update(true)
    expect(page['ga-disable-G-ABC123XYZ']).toBe(false)
    expect(loads).toEqual([['https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ', undefined]])
    expect(layer()).toEqual([
      ['js', expect.any(Date)],
      ['config', 'G-ABC123XYZ']
    ])
  })

  test('advanced mode loads gtag.js at once, for Consent Mode’s cookieless pings', () => {
    const { loads } = wire('ga4', { mode: 'advanced' })
    expect(loads).toHaveLength(1)
    expect(page['ga-disable-G-ABC123XYZ']).toBe(false)
  })
})

describe('HubSpot', () => {
  test('its banner is off and its consent API hears every decision; a first refusal needs no revoke', () => {
    const { update, loads } = wire('hubspot')
    expect(page.disableHubSpotCookieBanner).toBe(true)
    update(false)
    expect(page._hsp).toEqual([
      ['setHubSpotConsent', { analytics: false, advertisement: false, functionality: false }]
    ])
    expect(page._hsq).toBeUndefined()
    expect(loads).toEqual([])
  })

  test('told before it loads; on withdrawal revoked and told not to track; granted again, told to track', () => {
    const { update, loads } = wire('hubspot')
    update(true)
    update(false)
    update(true)
    expect(page._hsp).toEqual([
      ['setHubSpotConsent', { analytics: true, advertisement: false, functionality: true }],
      ['setHubSpotConsent', { analytics: false, advertisement: false, functionality: false }],
      ['revokeCookieConsent'],
      ['setHubSpotConsent', { analytics: true, advertisement: false, functionality: true }]
    ])
    expect(page._hsq).toEqual([['doNotTrack'], ['doNotTrack', { track: true }]])
    expect(loads).toEqual([['https://js.hs-scripts.com/1234567.js', 'hs-script-loader']])
  })

  test('region eu1 loads from HubSpot’s EU data centre', () => {
    const { update, loads } = wire('hubspot', { region: 'eu1' })
    update(true)
    expect(loads).toEqual([['https://js-eu1.hs-scripts.com/1234567.js', 'hs-script-loader']])
  })
})

test('Hotjar: its settings and queue are set, and its loader asked for, only once granted', () => {
  const { update, loads } = wire('hotjar')
  update(false)
  expect(page._hjSettings).toBeUndefined()
  update(true)
  ;(page.hj as (...args: unknown[]) => void)('event', 'signup')
  expect(page._hjSettings).toEqual({ hjid: 3456789, hjsv: 6 })
  expect(Array.from((page.hj as { q: ArrayLike<unknown>[] }).q[0] as ArrayLike<unknown>)).toEqual([
    'event',
    'signup'
  ])
  expect(loads).toEqual([['https://static.hotjar.com/c/hotjar-3456789.js?sv=6', undefined]])
})

describe('auto-blocking', () => {
  const { keksi } = start(
    {
      policyUrl: '/p',
      services: { hotjar: { id: '3456789' }, stats: { category: 'analytics', hosts: ['stats.example.com'] } }
    },
    [holdInserted]
  )

  test('a script from a known host is held as markup, for its service; an unknown host is left alone', () => {
    const held = document.createElement('script')
    held.src = 'https://script.hotjar.com/modules.js'
    const own = document.createElement('script')
    own.src = 'https://cdn.example.org/lib.js'
    const custom = document.createElement('script')
    custom.src = 'https://eu.stats.example.com/s.js'
    custom.type = 'module'
    document.head.append(held, own)
    document.head.appendChild(custom)
    expect([held.type, held.dataset.consent]).toEqual(['text/plain', 'hotjar'])
    expect([own.type, own.dataset.consent]).toEqual(['', undefined])
    // Its own type is kept, for when it is released.
    expect([custom.type, custom.dataset.consent, custom.dataset.type]).toEqual([
      'text/plain',
      'stats',
      'module'
    ])
  })

  test('a tree built outside the page is looked at when it goes in, replaceChildren included', () => {
    const tree = document.createElement('div')
    const inner = document.createElement('p')
    const held = document.createElement('script')
    held.src = 'https://static.hotjar.com/c/hotjar-3456789.js?sv=6'
    inner.append(held)
    tree.append(inner)
    // Nothing loads in a tree outside the page: it is left as it is until then.
    expect(held.type).toBe('')
    const box = document.createElement('div')
    document.body.append(box)
    box.replaceChildren(tree)
    expect([held.type, held.dataset.consent]).toEqual(['text/plain', 'hotjar'])
  })

  test('a vendor that is not configured is held for its category', () => {
    const frame = document.createElement('div')
    frame.innerHTML = '<iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X"></iframe>'
    document.body.insertAdjacentElement('beforeend', frame)
    const iframe = frame.querySelector('iframe') as HTMLIFrameElement
    expect(iframe.getAttribute('src')).toBeNull()
    expect([iframe.dataset.src, iframe.dataset.consent]).toEqual([
      'https://www.googletagmanager.com/ns.html?id=GTM-X',
      'analytics'
    ])
  })

  test('HTML set on an element in the page holds its frames before the browser sees them', () => {
    const box = document.createElement('div')
    document.body.append(box)
    box.innerHTML = '<p>Watch</p><iframe src="https://www.youtube.com/embed/X" title="X"></iframe>'
    expect(box.querySelector('iframe')?.getAttribute('data-src')).toBe('https://www.youtube.com/embed/X')
    box.insertAdjacentHTML('beforeend', '<iframe src="https://www.youtube-nocookie.com/embed/Y"></iframe>')
    expect(box.querySelectorAll('iframe:not([src])')).toHaveLength(2)
    // Reading it back works as ever.
    expect(box.innerHTML).toContain('<p>Watch</p>')
  })

  test('once granted, nothing is held', () => {
    keksi.acceptAll()
    const script = document.createElement('script')
    script.src = 'https://static.hotjar.com/c/hotjar-1.js'
    document.head.append(script)
    expect(script.hasAttribute('type')).toBe(false)
    expect(script.dataset.consent).toBeUndefined()
  })
})
