import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { OPTION_KEYS, SERVICE_KEYS } from '../../test/fixtures.js'
import { nearest, describe as sentence, shown } from './describe.js'

const ATTRIBUTES = ['ga4', 'hubspot', 'hotjar', 'policyUrl', 'lang', 'theme', 'revision', 'css']
const NAMES = ['necessary', 'analytics', 'embeds', 'ga4', 'hubspot', 'hotjar', 'youtube']

/** One console line that starts with where the mistake is. */
const expectOneLineAbout = (text: string, at: string): void => {
  expect(text.startsWith(`${at}:`)).toBe(true)
  expect(text).not.toMatch(/\n/)
  expect(text).toMatch(/[.?]$/)
}

describe('what an owner reads for each mistake', () => {
  test('an unknown option suggests the nearest known one', () => {
    expect(sentence('unknown', 'polcyUrl', '/privacy', OPTION_KEYS)).toBe(
      'polcyUrl: unknown option; did you mean "policyUrl"?'
    )
  })

  test('an unknown field deep in the config suggests the nearest field', () => {
    const text = sentence('unknown', 'texts.en.titel', 'Hi', ['title', 'description', 'acceptAll'])
    expectOneLineAbout(text, 'texts.en.titel')
    expect(text).toContain('did you mean "title"?')
  })

  test('an unknown option with nothing near it lists the known ones', () => {
    const known = SERVICE_KEYS.filter(key => key !== 'src')
    const text = sentence('unknown', 'services.ga4.src', 'https://evil.example/x.js', known)
    expectOneLineAbout(text, 'services.ga4.src')
    expect(text).toContain(`expected one of ${known.join(', ')}`)
  })

  test('an unknown attribute suggests the nearest attribute in kebab-case', () => {
    expect(sentence('attribute', 'polcyUrl', undefined, ATTRIBUTES)).toBe(
      'data-polcy-url: unknown attribute on the Keksi tag; did you mean data-policy-url?'
    )
    expect(sentence('attribute', 'hubSpot', undefined, ATTRIBUTES)).toContain('did you mean data-hubspot?')
  })

  test('an unknown attribute with nothing near it lists the attributes in kebab-case', () => {
    const text = sentence('attribute', 'trackingMode', undefined, ATTRIBUTES)
    expectOneLineAbout(text, 'data-tracking-mode')
    expect(text).toContain('data-ga4, data-hubspot, data-hotjar, data-policy-url, data-lang')
  })

  test('a missing policy URL says what to add', () => {
    const text = sentence('missing', 'policyUrl')
    expectOneLineAbout(text, 'policyUrl')
    expect(text).toContain('missing')
    expect(text).toContain('data-policy-url="/privacy"')
  })

  test('a service over the limit says the limit and that it stays blocked', () => {
    const text = sentence('limit', 'services.s48')
    expectOneLineAbout(text, 'services.s48')
    expect(text).toContain('at most 50')
    expect(text).toContain('stays blocked')
  })

  test('a service in a wrong category lists the optional categories', () => {
    const text = sentence('serviceCategory', 'services.matomo.category', 'necessary', ['analytics', 'embeds'])
    expect(text).toBe(
      'services.matomo.category: found "necessary", expected one of analytics, embeds; the service stays blocked.'
    )
  })

  test.each([
    ['ga4', 'UA-1', 'G-ABC123XYZ'],
    ['hubspot', 'abc', '1234567'],
    ['hotjar', '12', '3456789']
  ])('a malformed %s id shows what was found and an example id', (service, found, example) => {
    const text = sentence('id', `services.${service}.id`, found, [example])
    expect(text).toBe(
      `services.${service}.id: found "${found}", expected an id like "${example}"; the service stays blocked.`
    )
  })

  test('an unknown name in data-consent lists the known names', () => {
    const text = sentence('consent', '<script data-consent>', 'analitycs', NAMES)
    expectOneLineAbout(text, '<script data-consent>')
    expect(text).toContain('"analitycs"')
    expect(text).toContain(`expected one of ${NAMES.join(', ')}`)
    expect(text).toContain('stays blocked')
  })

  test('bad JSON in the config block shows the parser message', () => {
    const text = sentence('json', 'keksi-config', 'Unexpected token } in JSON at position 12')
    expectOneLineAbout(text, '<script id="keksi-config">')
    expect(text).toContain('Unexpected token } in JSON at position 12')
    expect(text).toContain('expected a JSON object of options')
  })

  test('a second Keksi tag says which one stays in charge', () => {
    const text = sentence('twice', 'keksi.js')
    expectOneLineAbout(text, 'keksi.js')
    expect(text).toContain('expected one Keksi tag per page')
  })

  test('a UI file that does not load says where it was expected', () => {
    const text = sentence('load', 'keksi-ui.js')
    expectOneLineAbout(text, 'keksi-ui.js')
    expect(text).toContain('expected it beside keksi.js')
  })

  test.each<[string, string, unknown, string[] | undefined, string]>([
    ['choice', 'keksi.set(): analytics', 'yes', NAMES, 'true or false'],
    ['function', 'keksi.push()', 'ready', undefined, 'a function'],
    ['string', 'services.matomo.name', 5, undefined, 'a string'],
    ['cookies', 'services.matomo.cookies', '_pk_id', undefined, 'a list of cookie names'],
    ['object', 'texts.fi', 'Evästeet', undefined, 'an object of texts'],
    ['category', 'categories.Marketing', {}, undefined, 'a lowercase category name'],
    [
      'service',
      'services.analytics',
      { category: 'analytics' },
      undefined,
      'a lowercase service id that is not a category name'
    ],
    ['config', 'config', 'policyUrl=/privacy', undefined, 'an object of options']
  ])('%s: names %s, what was found and what was expected', (code, at, found, known, expected) => {
    const text = sentence(code, at, found, known)
    expectOneLineAbout(text, at)
    expect(text).toContain(`found ${JSON.stringify(found)}`)
    expect(text).toContain(`expected ${expected}`)
    if (known) expect(text).toContain(known.join(', '))
  })

  test.each<[string, unknown, string]>([
    ['policyUrl', 'javascript:alert(1)', 'an http(s) or relative URL'],
    ['revision', -1, 'a whole number of 0 or more'],
    ['lang', 5, 'a language code'],
    ['theme', 'blue', '"light", "dark" or "auto"'],
    ['css', 'data:text/css,x', 'stylesheet URL, or "none"'],
    ['cookieName', 'my cookie', 'a cookie name'],
    ['cookieDomain', 5, 'a domain'],
    ['expiresDays', 400, 'from 1 to 395'],
    ['categories', [], 'an object of categories'],
    ['services', 'ga4', 'an object of services'],
    ['texts', 'en', 'texts per language'],
    ['reloadOnRevoke', 'no', 'true or false']
  ])('the option %s: names it, what was found and what was expected', (key, found, expected) => {
    const text = sentence(key, key, found)
    expect(text.startsWith(`${key}: found ${JSON.stringify(found)}, expected `)).toBe(true)
    expect(text).toContain(expected)
    expectOneLineAbout(text, key)
  })

  test('every code the source reports has words of its own', () => {
    const src = fileURLToPath(new URL('..', import.meta.url))
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      file => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file)
    )
    const codes = new Set<string>()
    for (const file of files) {
      for (const [, code] of readFileSync(`${src}/${file}`, 'utf8').matchAll(/report\('(\w+)'/g)) {
        codes.add(code as string)
      }
    }
    // `report(key, ...)` for every option and `report(field === 'cookies' ? field : 'string', ...)`.
    for (const code of [...OPTION_KEYS, 'cookies', 'string']) codes.add(code)
    expect(codes.size).toBeGreaterThan(25)
    for (const code of codes) {
      const at = code === 'missing' ? 'policyUrl' : 'somewhere'
      const text = sentence(code, at, 'something', ['a', 'b'])
      // An attribute as the page writes it (`at` is the dataset's name), the config block by its id.
      const subject = { attribute: `data-${at}`, json: `<script id="${at}">` }[code] ?? at
      expectOneLineAbout(text, subject)
      // The fallback would print the bare code as what was expected.
      expect(text, code).not.toMatch(new RegExp(`expected ${code}( for one of|\\.$)`))
    }
  })
})

describe('what was found', () => {
  test('is shown as JSON', () => {
    expect(shown('G-1')).toBe('"G-1"')
    expect(shown(5)).toBe('5')
    expect(shown({ id: 1 })).toBe('{"id":1}')
    expect(shown(undefined)).toBe('undefined')
  })

  test('is cut to one short line', () => {
    const text = shown('x'.repeat(100))
    expect(text).toHaveLength(40)
    expect(text.endsWith('...')).toBe(true)
  })
})

describe('did you mean', () => {
  test('finds the word within two edits, ignoring case', () => {
    expect(nearest('polcyUrl', OPTION_KEYS)).toBe('policyUrl')
    expect(nearest('policyurl', OPTION_KEYS)).toBe('policyUrl')
    expect(nearest('thme', OPTION_KEYS)).toBe('theme')
    expect(nearest('expireDay', OPTION_KEYS)).toBe('expiresDays')
    expect(nearest('analitycs', NAMES)).toBe('analytics')
  })

  test('suggests nothing further than two edits away', () => {
    expect(nearest('tracking', OPTION_KEYS)).toBeUndefined()
    expect(nearest('xyz', ['abc'])).toBeUndefined()
    expect(nearest('anything', [])).toBeUndefined()
  })

  test('prefers the closest word', () => {
    expect(nearest('lang', ['long', 'lang'])).toBe('lang')
    expect(nearest('hotjr', ['hubspot', 'hotjar'])).toBe('hotjar')
  })
})

test('values that are not JSON still make a sentence', () => {
  const circular: Record<string, unknown> = {}
  circular.self = circular
  expect(sentence('revision', 'revision', 10n)).toBe(
    'revision: found 10, expected a whole number of 0 or more.'
  )
  expect(sentence('texts', 'texts', circular)).toMatch(
    /^texts: found \[object Object\], expected texts per language/
  )
})
