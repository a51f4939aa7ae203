// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import { resolveConfig } from '../core/config.js'
import type { KeksiConfig, ResolvedConfig } from '../core/types.js'
import { en, english, enPreferences } from '../i18n/en.js'
import { builtIns } from '../services/built-ins.js'
import { LANGUAGES, PLAIN, pickLanguage, textsFor } from './texts.js'

type Problem = [code: string, at: string, found: unknown, known: string[] | undefined]

const configWith = (options: KeksiConfig = {}): ResolvedConfig =>
  resolveConfig({ policyUrl: '/privacy', ...options }, builtIns, (...problem) => {
    throw new Error(`fixture reported ${JSON.stringify(problem)}`)
  })

/** A page whose `<html lang>` is `lang`. */
const page = (lang = ''): Document => {
  const doc = document.implementation.createHTMLDocument('')
  doc.documentElement.lang = lang
  return doc
}

const textsOf = (config: ResolvedConfig, lang: string) => {
  const problems: Problem[] = []
  const texts = textsFor(
    config,
    lang,
    (code, at, found, known) => {
      problems.push([code, at, found, known])
    },
    {},
    [en, enPreferences]
  )
  return { texts, problems }
}

/** Every English text, both layers. */
const EN = english()

describe('pickLanguage', () => {
  const withFinnish = configWith({ texts: { fi: { title: 'Evästeet' }, sv: { title: 'Kakor' } } })

  test('a configured language with texts wins over the page and the browser', () => {
    const config = configWith({ lang: 'fi', texts: { fi: { title: 'Evästeet' } } })
    expect(pickLanguage(config, page('sv'), ['sv-SE'])).toBe('fi')
  })

  test('a configured language Keksi ships is taken; one without texts falls back to English', () => {
    expect(pickLanguage(configWith({ lang: 'de' }), page('fi'), ['fi'])).toBe('de')
    expect(pickLanguage(configWith({ lang: 'ja' }), page('fi'), ['fi'])).toBe('en')
  })

  test('every official EU language and Norwegian are shipped; no and nn read Bokmål', () => {
    expect(LANGUAGES).toHaveLength(24)
    for (const lang of LANGUAGES) expect(pickLanguage(configWith(), page(`${lang}-XX`), [])).toBe(lang)
    expect(pickLanguage(configWith(), page('no'), [])).toBe('nb')
    expect(pickLanguage(configWith(), page('nn-NO'), [])).toBe('nb')
    expect(pickLanguage(configWith(), page('nl-BE'), [])).toBe('nl')
  })

  test('auto takes <html lang> first', () => {
    expect(pickLanguage(withFinnish, page('sv'), ['fi-FI'])).toBe('sv')
  })

  test('auto takes the browser languages in order when the page says nothing it has', () => {
    expect(pickLanguage(withFinnish, page(''), ['ja-JP', 'fi-FI', 'sv'])).toBe('fi')
    expect(pickLanguage(withFinnish, page('zh'), ['sv-FI', 'fi'])).toBe('sv')
  })

  test('a regional tag matches its primary language', () => {
    expect(pickLanguage(withFinnish, page('fi-FI'), [])).toBe('fi')
    expect(pickLanguage(withFinnish, page('SV-fi'), [])).toBe('sv')
  })

  test('an exact regional match beats the primary language', () => {
    const config = configWith({ texts: { pt: { title: 'Cookies' }, 'pt-BR': { title: 'Cookies' } } })
    expect(pickLanguage(config, page('pt-BR'), [])).toBe('pt-br')
    expect(pickLanguage(config, page('pt-PT'), [])).toBe('pt')
  })

  test('English is built in and is the fallback', () => {
    expect(pickLanguage(configWith(), page('en-GB'), [])).toBe('en')
    expect(pickLanguage(withFinnish, page('ja'), ['ko', 'tr'])).toBe('en')
    expect(pickLanguage(withFinnish, page(''), [])).toBe('en')
  })
})

describe('textsFor', () => {
  test('an owner may set every plain text of English, both layers', () => {
    expect([...PLAIN].sort()).toEqual(
      Object.keys(EN)
        .filter(key => key !== 'categories' && key !== 'services')
        .sort()
    )
  })

  test('the first view has the banner’s words alone; the preferences’ come with their own layer', () => {
    const problems: unknown[] = []
    const config = configWith({ services: { ga4: { id: 'G-ABC123XYZ' }, youtube: {} } })
    const first = textsFor(config, 'en', (...p) => problems.push(p))
    expect(first.acceptAll).toBe('Accept all')
    expect(first.categories.analytics).toEqual({ title: 'Analytics', description: undefined })
    // A placeholder names the embed's service; the others are named in the preferences.
    expect(first.services.youtube).toEqual({
      name: 'YouTube',
      provider: 'Google Ireland Ltd.',
      purpose: undefined
    })
    expect(first.services.ga4).toEqual({ name: undefined, provider: undefined, purpose: undefined })
    expect(textsFor(config, 'en', () => {}, {}, [en, enPreferences]).services.ga4).toEqual({
      name: 'Google Analytics 4',
      provider: 'Google Ireland Ltd.',
      purpose: 'Counts visits and how the site is used.'
    })
    expect(first.save).toBeUndefined()
    expect(problems).toEqual([])
  })

  test('English is the default, word for word', () => {
    const { texts, problems } = textsOf(configWith(), 'en')
    expect(problems).toEqual([])
    expect(texts.title).toBe('Cookies on this site')
    expect(texts.acceptAll).toBe('Accept all')
    expect(texts.rejectAll).toBe('Reject all')
    expect(texts.settings).toBe('Settings')
    expect(texts.categories).toEqual({
      necessary: EN.categories.necessary,
      analytics: EN.categories.analytics,
      embeds: EN.categories.embeds
    })
    // YouTube is there unasked (README "Services").
    expect(texts.services).toEqual({ youtube: EN.services.youtube })
  })

  test('each configured service gets its English words', () => {
    const config = configWith({ services: { ga4: { id: 'G-ABC123XYZ' }, youtube: {} } })
    const { texts } = textsOf(config, 'en')
    expect(texts.services).toEqual({ ga4: EN.services.ga4, youtube: EN.services.youtube })
  })

  test('the words of categories and services in the config are used', () => {
    const config = configWith({
      categories: {
        analytics: { title: 'Statistics' },
        marketing: { title: 'Marketing', description: 'Ads.' }
      },
      services: {
        ga4: { id: 'G-ABC123XYZ', purpose: 'Counts our readers.' },
        pixel: { category: 'marketing', name: 'Pixel', provider: 'Pixel Ltd.' }
      }
    })
    const { texts, problems } = textsOf(config, 'en')
    expect(problems).toEqual([])
    expect(texts.categories.analytics).toEqual({
      title: 'Statistics',
      description: EN.categories.analytics?.description
    })
    expect(texts.categories.marketing).toEqual({ title: 'Marketing', description: 'Ads.' })
    expect(texts.services.ga4).toEqual({ ...EN.services.ga4, purpose: 'Counts our readers.' })
    expect(texts.services.pixel).toEqual({ name: 'Pixel', provider: 'Pixel Ltd.' })
  })

  test('texts for the language override everything else', () => {
    const config = configWith({
      categories: { analytics: { title: 'Statistics' } },
      services: { ga4: { id: 'G-ABC123XYZ', name: 'GA' } },
      texts: {
        en: {
          title: 'Cookies on Acme',
          acceptAll: 'Allow all',
          categories: { analytics: { title: 'Measurement' } },
          services: { ga4: { name: 'Google Analytics' } }
        }
      }
    })
    const { texts, problems } = textsOf(config, 'en')
    expect(problems).toEqual([])
    expect(texts.title).toBe('Cookies on Acme')
    expect(texts.acceptAll).toBe('Allow all')
    expect(texts.rejectAll).toBe('Reject all')
    expect(texts.categories.analytics?.title).toBe('Measurement')
    expect(texts.services.ga4?.name).toBe('Google Analytics')
  })

  test('texts of another language are not used', () => {
    const config = configWith({ texts: { fi: { title: 'Evästeet' } } })
    expect(textsOf(config, 'en').texts.title).toBe(EN.title)
    expect(textsOf(config, 'fi').texts.title).toBe('Evästeet')
  })

  test('a language key in capitals is found', () => {
    const config = configWith({ texts: { FI: { title: 'Evästeet' } } })
    expect(textsOf(config, 'fi').texts.title).toBe('Evästeet')
  })

  test('a text that is not a string is reported and the default stays', () => {
    const config = configWith({ texts: { en: { title: 5, description: '<b>x</b>' } as never } })
    const { texts, problems } = textsOf(config, 'en')
    expect(problems).toEqual([['string', 'texts.en.title', 5, undefined]])
    expect(texts.title).toBe(EN.title)
    expect(texts.description).toBe('<b>x</b>')
  })

  test('an unknown text key is reported with the known keys and ignored', () => {
    const config = configWith({ texts: { en: { titel: 'Cookies on Acme' } as never } })
    const { texts, problems } = textsOf(config, 'en')
    expect(problems).toEqual([['unknown', 'texts.en.titel', 'Cookies on Acme', PLAIN]])
    expect(texts).not.toHaveProperty('titel')
    expect(texts.title).toBe(EN.title)
  })

  test('texts for a language that are not an object are reported', () => {
    const config = configWith({ texts: { en: 'Cookies' as never } })
    const { texts, problems } = textsOf(config, 'en')
    expect(problems).toEqual([['object', 'texts.en', 'Cookies', undefined]])
    expect(texts.title).toBe(EN.title)
  })

  test('categories and services texts of the wrong shape or for unknown names are reported', () => {
    const config = configWith({
      services: { ga4: { id: 'G-ABC123XYZ' } },
      texts: { en: { categories: { marketing: { title: 'Ads' } }, services: 5 } as never }
    })
    const { problems } = textsOf(config, 'en')
    expect(problems).toEqual([
      ['unknown', 'texts.en.categories.marketing', { title: 'Ads' }, ['necessary', 'analytics', 'embeds']],
      ['object', 'texts.en.services', 5, undefined]
    ])
  })

  test('bad words of a category are reported and ignored', () => {
    const config = configWith({
      categories: { analytics: { title: 7, heading: 'Stats' } as never },
      texts: { en: { categories: { embeds: 'Videos' } } as never }
    })
    const { texts, problems } = textsOf(config, 'en')
    expect(problems).toEqual([
      ['string', 'categories.analytics.title', 7, undefined],
      ['unknown', 'categories.analytics.heading', 'Stats', ['title', 'description']],
      ['object', 'texts.en.categories.embeds', 'Videos', undefined]
    ])
    expect(texts.categories.analytics).toEqual(EN.categories.analytics)
    expect(texts.categories.embeds).toEqual(EN.categories.embeds)
  })

  test('bad words of a service are reported and ignored', () => {
    const config = configWith({
      services: { youtube: {} },
      texts: { en: { services: { youtube: { name: false, url: 'x' } } } as never }
    })
    const { texts, problems } = textsOf(config, 'en')
    expect(problems).toEqual([
      ['string', 'texts.en.services.youtube.name', false, undefined],
      ['unknown', 'texts.en.services.youtube.url', 'x', ['name', 'provider', 'purpose']]
    ])
    expect(texts.services.youtube).toEqual(EN.services.youtube)
  })

  test('owner texts are kept as text, never turned into markup', () => {
    const config = configWith({ texts: { en: { title: '<img src=x onerror=alert(1)>' } } })
    expect(textsOf(config, 'en').texts.title).toBe('<img src=x onerror=alert(1)>')
  })
})
